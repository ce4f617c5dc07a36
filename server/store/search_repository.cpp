#include "server/store/search_repository.hpp"

#include <algorithm>

#include "server/domain/text.hpp"
#include "server/store/sqlite.hpp"

namespace fairmatch::server::store {

namespace sql {
constexpr const char* kExhibitorText =
    "SELECT e.name, e.name_en, e.craft_village, e.description_vi, e.description_en, e.materials, "
    "coalesce(p.name_vi, ''), coalesce(p.name_en, ''), e.certifications, "
    "(SELECT group_concat(c.name_vi || ' ' || c.name_en || ' ' || c.hs_code, ' ') FROM json_each(e.categories) j "
    " JOIN categories c ON c.code = j.value), "
    "(SELECT group_concat(x.name_vi || ' ' || x.name_en || ' ' || x.description_vi || ' ' || x.description_en, ' ') "
    " FROM products x WHERE x.exhibitor_id = e.id) "
    "FROM exhibitors e LEFT JOIN provinces p ON p.code = e.province WHERE e.id = ?1";
constexpr const char* kProductText =
    "SELECT x.exhibitor_id, x.name_vi, x.name_en, x.description_vi, x.description_en, x.materials, x.village, "
    "x.artisan, c.name_vi, c.name_en, c.hs_code FROM products x JOIN categories c ON c.code = x.category "
    "WHERE x.id = ?1";
constexpr const char* kDeleteExhibitorDoc = "DELETE FROM exhibitor_search WHERE rowid = ?1";
constexpr const char* kInsertExhibitorDoc = "INSERT INTO exhibitor_search (rowid, exact, folded) VALUES (?1, ?2, ?3)";
constexpr const char* kDeleteProductDoc = "DELETE FROM product_search WHERE rowid = ?1";
constexpr const char* kDeleteProductDocsOf =
    "DELETE FROM product_search WHERE rowid IN (SELECT id FROM products WHERE exhibitor_id = ?1)";
constexpr const char* kInsertProductDoc = "INSERT INTO product_search (rowid, exact, folded) VALUES (?1, ?2, ?3)";
constexpr const char* kAllExhibitors = "SELECT id FROM exhibitors ORDER BY id";
constexpr const char* kAllProducts = "SELECT id FROM products ORDER BY id";
constexpr const char* kClear = "DELETE FROM exhibitor_search; DELETE FROM product_search;";

// Candidates: the filters as bound parameters (NULL = no condition), the
// text condition through the FTS table when ?1 is not NULL. Rank: bm25 with
// exact-accent matches weighted above folded ones (lower is better).
#define FM_SEARCH_FILTERS                                                                                  \
    "AND (?2 IS NULL OR e.fair_id = ?2) "                                                                  \
    "AND (?3 IS NULL OR EXISTS (SELECT 1 FROM json_each(e.categories) j JOIN categories c ON c.code = j.value " \
    "     WHERE c.code = ?3 OR c.hs_code = ?3)) "                                                          \
    "AND (?4 IS NULL OR e.province = ?4) "                                                                 \
    "AND (?5 IS NULL OR fm_fold(e.craft_village) = fm_fold(?5) COLLATE NOCASE) "                           \
    "AND (?6 IS NULL OR EXISTS (SELECT 1 FROM json_each(e.certifications) WHERE value = ?6)) "             \
    "AND (?7 IS NULL OR e.moq <= ?7) "                                                                     \
    "AND (?8 IS NULL OR e.price_tier = ?8) "                                                               \
    "AND (?9 IS NULL OR EXISTS (SELECT 1 FROM json_each(e.languages) WHERE value = ?9)) "                  \
    "AND (?10 IS NULL OR EXISTS (SELECT 1 FROM json_each(e.export_markets) WHERE value = ?10)) "           \
    "AND e.status = ?11"
// With text: the FTS hits ranked by bm25, exact-accent matches (column
// `exact`) weighted above folded ones; lower rank is better.
constexpr const char* kSearchText =
    "WITH hits AS (SELECT rowid AS id, bm25(exhibitor_search, 10.0, 1.0) AS rank FROM exhibitor_search "
    "              WHERE exhibitor_search MATCH ?1) "
    "SELECT e.id, e.name, e.province, e.price_tier, e.categories, e.certifications, h.rank "
    "FROM hits h JOIN exhibitors e ON e.id = h.id WHERE 1 " FM_SEARCH_FILTERS;
constexpr const char* kSearchNoText =
    "SELECT e.id, e.name, e.province, e.price_tier, e.categories, e.certifications, 0.0 "
    "FROM exhibitors e WHERE ?1 IS NULL " FM_SEARCH_FILTERS " ORDER BY e.id";
#undef FM_SEARCH_FILTERS
constexpr const char* kSearchProducts =
    "SELECT x.id FROM product_search s JOIN products x ON x.id = s.rowid JOIN exhibitors e ON e.id = x.exhibitor_id "
    "WHERE product_search MATCH ?1 AND (?2 IS NULL OR e.fair_id = ?2) AND e.status = 'approved' "
    "ORDER BY bm25(product_search, 10.0, 1.0), x.id";
}  // namespace sql

static void append(std::string& out, std::string_view s) {
    if (s.empty()) return;
    if (!out.empty()) out += ' ';
    out += s;
}

static std::string list_text(const std::string& json_list) {
    std::string out;
    for (const auto& v : decode_list(json_list)) append(out, v);
    return out;
}

void SearchRepository::index_exhibitor(Id id) {
    std::string doc;
    {
        auto st = db_.cached(sql::kExhibitorText);
        st.bind(1, id);
        if (!st.step()) return;
        for (int c : {0, 1, 2, 3, 4}) append(doc, st.column_text(c));
        append(doc, list_text(st.column_text(5)));
        append(doc, st.column_text(6));
        append(doc, st.column_text(7));
        append(doc, list_text(st.column_text(8)));
        append(doc, st.column_text(9));
        append(doc, st.column_text(10));
    }
    auto del = db_.cached(sql::kDeleteExhibitorDoc);
    del.bind(1, id);
    del.exec();
    auto ins = db_.cached(sql::kInsertExhibitorDoc);
    ins.bind(1, id).bind(2, doc).bind(3, text::ascii_fold(doc));
    ins.exec();
}

void SearchRepository::remove_exhibitor(Id id) {
    {
        auto st = db_.cached(sql::kDeleteProductDocsOf);
        st.bind(1, id);
        st.exec();
    }
    auto st = db_.cached(sql::kDeleteExhibitorDoc);
    st.bind(1, id);
    st.exec();
}

void SearchRepository::index_product(Id id) {
    std::string doc;
    Id exhibitor = 0;
    {
        auto st = db_.cached(sql::kProductText);
        st.bind(1, id);
        if (!st.step()) return;
        exhibitor = st.column_int(0);
        for (int c : {1, 2, 3, 4}) append(doc, st.column_text(c));
        append(doc, list_text(st.column_text(5)));
        for (int c : {6, 7, 8, 9, 10}) append(doc, st.column_text(c));
    }
    auto del = db_.cached(sql::kDeleteProductDoc);
    del.bind(1, id);
    del.exec();
    auto ins = db_.cached(sql::kInsertProductDoc);
    ins.bind(1, id).bind(2, doc).bind(3, text::ascii_fold(doc));
    ins.exec();
    index_exhibitor(exhibitor);
}

void SearchRepository::remove_product(Id id, Id exhibitor_id) {
    auto del = db_.cached(sql::kDeleteProductDoc);
    del.bind(1, id);
    del.exec();
    index_exhibitor(exhibitor_id);
}

void SearchRepository::rebuild_all() {
    db_.exec(sql::kClear);
    std::vector<Id> products, exhibitors;
    {
        auto st = db_.prepare(sql::kAllProducts);
        while (st.step()) products.push_back(st.column_int(0));
    }
    {
        auto st = db_.prepare(sql::kAllExhibitors);
        while (st.step()) exhibitors.push_back(st.column_int(0));
    }
    for (auto p : products) {
        std::string doc;
        auto st = db_.cached(sql::kProductText);
        st.bind(1, p);
        if (!st.step()) continue;
        for (int c : {1, 2, 3, 4}) append(doc, st.column_text(c));
        append(doc, list_text(st.column_text(5)));
        for (int c : {6, 7, 8, 9, 10}) append(doc, st.column_text(c));
        auto ins = db_.cached(sql::kInsertProductDoc);
        ins.bind(1, p).bind(2, doc).bind(3, text::ascii_fold(doc));
        ins.exec();
    }
    for (auto e : exhibitors) index_exhibitor(e);
}

// Splits user text into lower-case words (letters and digits of any script).
static std::vector<std::string> words(std::string_view text) {
    std::vector<std::string> out;
    std::string cur;
    std::size_t i = 0;
    while (i < text.size()) {
        std::size_t start = i;
        char32_t cp = text::decode_utf8(text, i);
        bool word_char = cp >= 0x80 ? (cp != 0xFFFD && cp != 0xA0 && !(cp >= 0x2000 && cp <= 0x206F))
                                    : std::isalnum(static_cast<int>(cp)) != 0;
        if (word_char) {
            auto piece = text.substr(start, i - start);
            if (cp < 0x80) cur += static_cast<char>(std::tolower(static_cast<int>(cp)));
            else cur.append(piece);
        } else if (!cur.empty()) {
            out.push_back(std::move(cur));
            cur.clear();
        }
    }
    if (!cur.empty()) out.push_back(std::move(cur));
    if (out.size() > 12) out.resize(12);
    return out;
}

static std::string phrase_list(const std::vector<std::string>& ws) {
    std::string out;
    for (std::size_t i = 0; i < ws.size(); ++i) {
        if (i) out += ' ';
        out += '"';
        for (char c : ws[i]) {
            if (c == '"') out += "\"\"";
            else out += c;
        }
        out += '"';
        if (i + 1 == ws.size()) out += '*';
    }
    return out;
}

std::string fts_query(std::string_view text) {
    auto exact = words(text);
    if (exact.empty()) return {};
    std::vector<std::string> folded;
    for (const auto& w : exact) {
        auto f = text::ascii_fold(w);
        for (auto& c : f) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        folded.push_back(std::move(f));
    }
    std::string q = "folded : (" + phrase_list(folded) + ")";
    if (folded != exact) q = "(" + q + ") OR (exact : (" + phrase_list(exact) + "))";
    return q;
}

SearchHits SearchRepository::search_exhibitors(const ExhibitorSearch& q, const Page& page) {
    struct Row {
        Id id;
        std::string name;
        double rank;
    };
    std::vector<Row> rows;
    SearchHits hits;
    auto match = fts_query(q.text);
    if (!q.text.empty() && match.empty()) return hits;  // only punctuation
    auto st = db_.cached(match.empty() ? sql::kSearchNoText : sql::kSearchText);
    if (match.empty()) st.bind_null(1); else st.bind(1, match);
    if (q.fair) st.bind(2, *q.fair); else st.bind_null(2);
    if (q.category) st.bind(3, *q.category); else st.bind_null(3);
    if (q.province) st.bind(4, *q.province); else st.bind_null(4);
    if (q.village) st.bind(5, *q.village); else st.bind_null(5);
    if (q.certification) st.bind(6, *q.certification); else st.bind_null(6);
    if (q.moq_max) st.bind(7, *q.moq_max); else st.bind_null(7);
    if (q.price_tier) st.bind(8, *q.price_tier); else st.bind_null(8);
    if (q.language) st.bind(9, *q.language); else st.bind_null(9);
    if (q.market) st.bind(10, *q.market); else st.bind_null(10);
    st.bind(11, q.status);
    while (st.step()) {
        rows.push_back({st.column_int(0), st.column_text(1), st.column_double(6)});
        if (q.facets) {
            ++hits.facets["province"][st.column_text(2)];
            ++hits.facets["price_tier"][st.column_text(3)];
            for (const auto& c : decode_list(st.column_text(4))) ++hits.facets["category"][c];
            for (const auto& c : decode_list(st.column_text(5))) ++hits.facets["certification"][c];
        }
    }
    hits.total = static_cast<std::int64_t>(rows.size());
    if (q.sort_by_name) {
        std::sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) {
            auto fa = text::ascii_fold(a.name), fb = text::ascii_fold(b.name);
            std::transform(fa.begin(), fa.end(), fa.begin(), [](unsigned char c) { return std::tolower(c); });
            std::transform(fb.begin(), fb.end(), fb.begin(), [](unsigned char c) { return std::tolower(c); });
            return fa != fb ? fa < fb : a.id < b.id;
        });
    } else if (!match.empty()) {
        std::sort(rows.begin(), rows.end(),
                  [](const Row& a, const Row& b) { return a.rank != b.rank ? a.rank < b.rank : a.id < b.id; });
    }
    for (std::size_t i = static_cast<std::size_t>(page.offset);
         i < rows.size() && i < static_cast<std::size_t>(page.offset + page.limit); ++i)
        hits.ids.push_back(rows[i].id);
    return hits;
}

SearchHits SearchRepository::search_products(const std::string& text_query, std::optional<Id> fair, const Page& page) {
    SearchHits hits;
    auto match = fts_query(text_query);
    if (match.empty()) return hits;
    auto st = db_.cached(sql::kSearchProducts);
    st.bind(1, match);
    if (fair) st.bind(2, *fair); else st.bind_null(2);
    std::int64_t n = 0;
    while (st.step()) {
        if (n >= page.offset && n < page.offset + page.limit) hits.ids.push_back(st.column_int(0));
        ++n;
    }
    hits.total = n;
    return hits;
}

}  // namespace fairmatch::server::store
