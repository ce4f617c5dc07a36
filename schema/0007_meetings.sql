-- 0007: meetings. Requests between an importer and an exhibitor of one
-- fair, the organizer's request rules, participants' availability, the
-- fair's meeting grid, scheduler runs with their results, the published
-- schedule, and secret calendar subscription links.
-- Times are unix seconds (UTC).

-- Requests still pending at the deadline expire (NULL: no deadline); a
-- participant may have at most `meeting_request_cap` sent requests open
-- (pending or accepted) at a time (NULL: no cap).
ALTER TABLE fairs ADD COLUMN meeting_request_deadline INTEGER;
ALTER TABLE fairs ADD COLUMN meeting_request_cap INTEGER
    CHECK (meeting_request_cap IS NULL OR meeting_request_cap BETWEEN 1 AND 10000);

-- May the organizer fill the participant's free slots with recommended meetings?
ALTER TABLE exhibitors ADD COLUMN meeting_fill_ins INTEGER NOT NULL DEFAULT 0 CHECK (meeting_fill_ins IN (0, 1));
ALTER TABLE importers ADD COLUMN meeting_fill_ins INTEGER NOT NULL DEFAULT 0 CHECK (meeting_fill_ins IN (0, 1));

CREATE TABLE meeting_requests (
    id            INTEGER PRIMARY KEY,
    fair_id       INTEGER NOT NULL REFERENCES fairs(id) ON DELETE CASCADE,
    importer_id   INTEGER NOT NULL REFERENCES importers(id) ON DELETE CASCADE,
    exhibitor_id  INTEGER NOT NULL REFERENCES exhibitors(id) ON DELETE CASCADE,
    requested_by  TEXT NOT NULL CHECK (requested_by IN ('importer', 'exhibitor')),
    priority      TEXT NOT NULL CHECK (priority IN ('must_meet', 'would_like')),
    message       TEXT NOT NULL,
    status        TEXT NOT NULL CHECK (status IN ('pending', 'accepted', 'declined', 'cancelled', 'expired')),
    reason        TEXT NOT NULL DEFAULT '',  -- the recipient's reason for declining
    created_at    INTEGER NOT NULL,
    closed_at     INTEGER                    -- when it left 'pending' (answered, cancelled, expired)
);
-- At most one open request per pair, whoever asked: of two racing
-- requests for the same pair, exactly one insert succeeds.
CREATE UNIQUE INDEX meeting_requests_one_open ON meeting_requests(importer_id, exhibitor_id)
    WHERE status IN ('pending', 'accepted');
CREATE INDEX meeting_requests_importer ON meeting_requests(importer_id, status);
CREATE INDEX meeting_requests_exhibitor ON meeting_requests(exhibitor_id, status);
CREATE INDEX meeting_requests_fair ON meeting_requests(fair_id, status);

-- When a participant cannot meet: [starts_at, ends_at). Stored as times,
-- not slot numbers, so that they survive a change of the grid.
CREATE TABLE meeting_unavailability (
    id            INTEGER PRIMARY KEY,
    fair_id       INTEGER NOT NULL REFERENCES fairs(id) ON DELETE CASCADE,
    importer_id   INTEGER REFERENCES importers(id) ON DELETE CASCADE,
    exhibitor_id  INTEGER REFERENCES exhibitors(id) ON DELETE CASCADE,
    starts_at     INTEGER NOT NULL,
    ends_at       INTEGER NOT NULL CHECK (ends_at > starts_at),
    CHECK ((importer_id IS NULL) <> (exhibitor_id IS NULL))
);
CREATE INDEX meeting_unavailability_importer ON meeting_unavailability(importer_id) WHERE importer_id IS NOT NULL;
CREATE INDEX meeting_unavailability_exhibitor ON meeting_unavailability(exhibitor_id) WHERE exhibitor_id IS NOT NULL;
CREATE INDEX meeting_unavailability_fair ON meeting_unavailability(fair_id);

-- The grid: meeting days (JSON array of dates), sessions (JSON array of
-- "HH:MM-HH:MM" in the fair's local time), slot length and pause.
CREATE TABLE meeting_grids (
    fair_id        INTEGER PRIMARY KEY REFERENCES fairs(id) ON DELETE CASCADE,
    days           TEXT NOT NULL,
    sessions       TEXT NOT NULL,
    slot_minutes   INTEGER NOT NULL CHECK (slot_minutes BETWEEN 5 AND 240),
    pause_minutes  INTEGER NOT NULL CHECK (pause_minutes BETWEEN 0 AND 120),
    tables         INTEGER NOT NULL CHECK (tables BETWEEN 0 AND 10000),
    use_booths     INTEGER NOT NULL CHECK (use_booths IN (0, 1)),
    updated_at     TEXT NOT NULL
);

-- A scheduler run: computed off the database thread; its result rows are
-- written when it ends. One run per fair computes at a time; one is published.
CREATE TABLE schedule_runs (
    id            INTEGER PRIMARY KEY,
    fair_id       INTEGER NOT NULL REFERENCES fairs(id) ON DELETE CASCADE,
    status        TEXT NOT NULL CHECK (status IN ('running', 'done', 'failed', 'published')),
    seconds       INTEGER NOT NULL CHECK (seconds BETWEEN 1 AND 60),
    seed          INTEGER NOT NULL,
    created_by    INTEGER REFERENCES users(id) ON DELETE SET NULL,
    started_at    INTEGER NOT NULL,
    finished_at   INTEGER,
    published_at  INTEGER,
    figures       TEXT,                    -- JSON object, when done
    error         TEXT NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX schedule_runs_one_running ON schedule_runs(fair_id) WHERE status = 'running';
CREATE UNIQUE INDEX schedule_runs_one_published ON schedule_runs(fair_id) WHERE status = 'published';
CREATE INDEX schedule_runs_fair ON schedule_runs(fair_id, id);

-- One row per accepted request the run considered: where and when it is
-- held (slot NULL when not), or why not.
CREATE TABLE schedule_run_meetings (
    run_id         INTEGER NOT NULL REFERENCES schedule_runs(id) ON DELETE CASCADE,
    request_id     INTEGER NOT NULL REFERENCES meeting_requests(id) ON DELETE CASCADE,
    slot           INTEGER,
    starts_at      INTEGER,
    ends_at        INTEGER,
    location_kind  TEXT NOT NULL DEFAULT '' CHECK (location_kind IN ('', 'booth', 'table')),
    location       TEXT NOT NULL DEFAULT '',   -- booth code or "Table N"
    reason         TEXT NOT NULL,              -- 'none' when held, else why not
    PRIMARY KEY (run_id, request_id)
) WITHOUT ROWID;

-- The published schedule. `uid` stays the same across re-scheduling;
-- `sequence` rises whenever a later publication moves the meeting in time
-- or place, or cancels it (RFC 5545 UID and SEQUENCE).
CREATE TABLE meetings (
    id             INTEGER PRIMARY KEY,
    fair_id        INTEGER NOT NULL REFERENCES fairs(id) ON DELETE CASCADE,
    request_id     INTEGER NOT NULL UNIQUE REFERENCES meeting_requests(id) ON DELETE CASCADE,
    importer_id    INTEGER NOT NULL REFERENCES importers(id) ON DELETE CASCADE,
    exhibitor_id   INTEGER NOT NULL REFERENCES exhibitors(id) ON DELETE CASCADE,
    run_id         INTEGER REFERENCES schedule_runs(id) ON DELETE SET NULL,
    status         TEXT NOT NULL CHECK (status IN ('scheduled', 'cancelled')),
    slot           INTEGER NOT NULL,
    starts_at      INTEGER NOT NULL,
    ends_at        INTEGER NOT NULL CHECK (ends_at > starts_at),
    location_kind  TEXT NOT NULL CHECK (location_kind IN ('booth', 'table')),
    location       TEXT NOT NULL,
    uid            TEXT NOT NULL UNIQUE,
    sequence       INTEGER NOT NULL DEFAULT 0 CHECK (sequence >= 0),
    note           TEXT NOT NULL DEFAULT '',  -- why it was cancelled or moved
    created_at     INTEGER NOT NULL,
    updated_at     INTEGER NOT NULL
);
CREATE INDEX meetings_fair ON meetings(fair_id, starts_at);
CREATE INDEX meetings_importer ON meetings(importer_id, starts_at);
CREATE INDEX meetings_exhibitor ON meetings(exhibitor_id, starts_at);

-- Secret calendar subscription links, one per user; only a hash of the
-- token is stored. Rotating replaces the row, revoking deletes it.
CREATE TABLE calendar_feeds (
    user_id     INTEGER PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
    token_hash  TEXT NOT NULL UNIQUE,
    created_at  INTEGER NOT NULL
);
