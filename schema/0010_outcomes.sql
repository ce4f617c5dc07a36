-- 0010: after a meeting: each side's feedback; leads an exhibitor collects
-- by scanning an importer's badge, only with the importer's consent.

ALTER TABLE importers ADD COLUMN lead_sharing INTEGER NOT NULL DEFAULT 0 CHECK (lead_sharing IN (0, 1));

CREATE TABLE meeting_feedback (
    meeting_id  INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    side        TEXT NOT NULL CHECK (side IN ('importer', 'exhibitor')),
    rating      INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
    comment     TEXT NOT NULL DEFAULT '',
    created_at  INTEGER NOT NULL,
    PRIMARY KEY (meeting_id, side)
) WITHOUT ROWID;

CREATE TABLE leads (
    id            INTEGER PRIMARY KEY,
    fair_id       INTEGER NOT NULL REFERENCES fairs(id) ON DELETE CASCADE,
    exhibitor_id  INTEGER NOT NULL REFERENCES exhibitors(id) ON DELETE CASCADE,
    importer_id   INTEGER NOT NULL REFERENCES importers(id) ON DELETE CASCADE,
    note          TEXT NOT NULL DEFAULT '',
    created_at    INTEGER NOT NULL,
    UNIQUE (exhibitor_id, importer_id)
);
