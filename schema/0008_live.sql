-- 0008: the live fair: badges, check-ins, and the event log behind the
-- organizers' live feed (events are appended in the same transaction as
-- the change they describe; a client resumes after its last event id).

ALTER TABLE exhibitors ADD COLUMN badge_code TEXT;
ALTER TABLE importers ADD COLUMN badge_code TEXT;
CREATE UNIQUE INDEX exhibitors_badge ON exhibitors(badge_code) WHERE badge_code IS NOT NULL;
CREATE UNIQUE INDEX importers_badge ON importers(badge_code) WHERE badge_code IS NOT NULL;

CREATE TABLE check_ins (
    id             INTEGER PRIMARY KEY,
    fair_id        INTEGER NOT NULL REFERENCES fairs(id) ON DELETE CASCADE,
    kind           TEXT NOT NULL CHECK (kind IN ('exhibitor', 'importer')),
    profile_id     INTEGER NOT NULL,
    checked_in_at  INTEGER NOT NULL,  -- unix seconds
    by_user_id     INTEGER REFERENCES users(id) ON DELETE SET NULL,
    UNIQUE (fair_id, kind, profile_id)
);

CREATE TABLE events (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,  -- never reused: clients resume after it
    fair_id     INTEGER NOT NULL REFERENCES fairs(id) ON DELETE CASCADE,
    type        TEXT NOT NULL,
    payload     TEXT NOT NULL,  -- JSON object
    created_at  INTEGER NOT NULL
);
CREATE INDEX events_fair ON events(fair_id, id);

-- Badges for the profiles that exist already (new ones get theirs on insert).
UPDATE exhibitors SET badge_code = lower(hex(randomblob(10))) WHERE badge_code IS NULL;
UPDATE importers SET badge_code = lower(hex(randomblob(10))) WHERE badge_code IS NULL;
