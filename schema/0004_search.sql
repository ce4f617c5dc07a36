-- 0004: full-text search over exhibitors and products (FTS5).
-- Each document has two columns: `exact` holds the text as written (the
-- unicode61 tokenizer lowercases it but keeps the accents), `folded` holds
-- the same text folded to ASCII by fairmatch (đ -> d, ồ -> o, ...), so that
-- "bat trang", "Bát Tràng" and "BÁT TRÀNG" find the same documents while an
-- exact-accent match ranks higher. The rowid is the exhibitor's or the
-- product's id; the repositories rewrite a document in the same transaction
-- as the record it indexes.

CREATE VIRTUAL TABLE exhibitor_search USING fts5(
    exact, folded,
    tokenize = 'unicode61 remove_diacritics 0',
    prefix = '1 2 3'
);

CREATE VIRTUAL TABLE product_search USING fts5(
    exact, folded,
    tokenize = 'unicode61 remove_diacritics 0',
    prefix = '1 2 3'
);
