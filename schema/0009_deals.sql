-- 0009: deals (contract signed, sample order, in negotiation) with their
-- value in minor units and currency, converted to USD at the rates the
-- organizer sets for the fair; every correction is kept in deal_history.

CREATE TABLE currency_rates (
    fair_id   INTEGER NOT NULL REFERENCES fairs(id) ON DELETE CASCADE,
    currency  TEXT NOT NULL,
    usd_rate  REAL NOT NULL CHECK (usd_rate > 0),  -- USD for one unit of the currency
    PRIMARY KEY (fair_id, currency)
) WITHOUT ROWID;

CREATE TABLE deals (
    id            INTEGER PRIMARY KEY,
    fair_id       INTEGER NOT NULL REFERENCES fairs(id) ON DELETE CASCADE,
    exhibitor_id  INTEGER NOT NULL REFERENCES exhibitors(id) ON DELETE CASCADE,
    importer_id   INTEGER NOT NULL REFERENCES importers(id) ON DELETE CASCADE,
    meeting_id    INTEGER REFERENCES meetings(id) ON DELETE SET NULL,
    kind          TEXT NOT NULL CHECK (kind IN ('contract', 'sample_order', 'negotiation')),
    amount        INTEGER NOT NULL CHECK (amount >= 0),  -- minor units of `currency`
    currency      TEXT NOT NULL,
    usd_cents     INTEGER NOT NULL CHECK (usd_cents >= 0),
    note          TEXT NOT NULL DEFAULT '',
    created_by    INTEGER REFERENCES users(id) ON DELETE SET NULL,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL
);
CREATE INDEX deals_fair ON deals(fair_id, kind);
CREATE INDEX deals_exhibitor ON deals(exhibitor_id);
CREATE INDEX deals_importer ON deals(importer_id);

CREATE TABLE deal_history (
    id           INTEGER PRIMARY KEY,
    deal_id      INTEGER NOT NULL REFERENCES deals(id) ON DELETE CASCADE,
    changed_by   INTEGER REFERENCES users(id) ON DELETE SET NULL,
    before_json  TEXT,
    after_json   TEXT NOT NULL,
    changed_at   TEXT NOT NULL
);
CREATE INDEX deal_history_deal ON deal_history(deal_id, id);

-- What happened to a scheduled meeting, as its parties report it.
CREATE TABLE meeting_outcomes (
    meeting_id    INTEGER PRIMARY KEY REFERENCES meetings(id) ON DELETE CASCADE,
    outcome       TEXT NOT NULL CHECK (outcome IN ('held', 'no_show')),
    absent_side   TEXT CHECK (absent_side IN ('importer', 'exhibitor')),
    reported_by   INTEGER REFERENCES users(id) ON DELETE SET NULL,
    reported_at   INTEGER NOT NULL
);
