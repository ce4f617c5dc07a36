-- 0005: per-fair matching weights (set by the organizer) and importers'
-- shortlists of exhibitors.

CREATE TABLE fair_weights (
    fair_id     INTEGER PRIMARY KEY REFERENCES fairs(id) ON DELETE CASCADE,
    weights     TEXT NOT NULL,  -- JSON object, validated by the matching engine
    updated_at  TEXT NOT NULL
);

CREATE TABLE shortlists (
    user_id       INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    exhibitor_id  INTEGER NOT NULL REFERENCES exhibitors(id) ON DELETE CASCADE,
    note          TEXT NOT NULL DEFAULT '',
    created_at    TEXT NOT NULL,
    PRIMARY KEY (user_id, exhibitor_id)
) WITHOUT ROWID;
