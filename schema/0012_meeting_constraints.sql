-- 0012: what the scheduler is told beyond the pair and its priority, and
-- fill-in meetings suggested from the recommendations.
--
-- A request's session wish (stated by the requester, changed by an
-- organizer), a fixed start chosen by an organizer (stored as a time, not
-- a slot number, so that it can be recognised after the grid changed), and
-- where it came from: 'participant' (asked by one side, accepted by the
-- other) or 'recommended' (a fill-in meeting the organizer published for
-- two participants who both let the organizer fill their free slots; its
-- score and reasons are kept with it).
ALTER TABLE meeting_requests ADD COLUMN session_wish TEXT NOT NULL DEFAULT 'any'
    CHECK (session_wish IN ('morning', 'afternoon', 'any'));
ALTER TABLE meeting_requests ADD COLUMN fixed_starts_at INTEGER;
ALTER TABLE meeting_requests ADD COLUMN source TEXT NOT NULL DEFAULT 'participant'
    CHECK (source IN ('participant', 'recommended'));
ALTER TABLE meeting_requests ADD COLUMN fill_in_score INTEGER;
ALTER TABLE meeting_requests ADD COLUMN fill_in_reason TEXT NOT NULL DEFAULT '';  -- JSON {"vi": ..., "en": ...}

-- Precedences set by an organizer: request_id is held strictly after
-- after_request_id whenever both are held. Both belong to the same fair
-- (checked by the handler, which also refuses cycles).
CREATE TABLE meeting_request_precedences (
    request_id        INTEGER NOT NULL REFERENCES meeting_requests(id) ON DELETE CASCADE,
    after_request_id  INTEGER NOT NULL REFERENCES meeting_requests(id) ON DELETE CASCADE,
    CHECK (request_id <> after_request_id),
    PRIMARY KEY (request_id, after_request_id)
) WITHOUT ROWID;
CREATE INDEX meeting_request_precedences_after ON meeting_request_precedences(after_request_id);

-- Whether a run was asked to place fill-in meetings.
ALTER TABLE schedule_runs ADD COLUMN fill_ins INTEGER NOT NULL DEFAULT 0 CHECK (fill_ins IN (0, 1));

-- The fill-in meetings a run placed (candidates it did not place are not
-- kept). request_id: the 'recommended' request of an earlier publication
-- of the same pair, else NULL until this run is published.
CREATE TABLE schedule_run_fill_ins (
    run_id         INTEGER NOT NULL REFERENCES schedule_runs(id) ON DELETE CASCADE,
    importer_id    INTEGER NOT NULL REFERENCES importers(id) ON DELETE CASCADE,
    exhibitor_id   INTEGER NOT NULL REFERENCES exhibitors(id) ON DELETE CASCADE,
    request_id     INTEGER REFERENCES meeting_requests(id) ON DELETE SET NULL,
    score          INTEGER NOT NULL CHECK (score > 0),
    reason         TEXT NOT NULL DEFAULT '',  -- JSON {"vi": ..., "en": ...}
    slot           INTEGER NOT NULL,
    starts_at      INTEGER NOT NULL,
    ends_at        INTEGER NOT NULL,
    location_kind  TEXT NOT NULL CHECK (location_kind IN ('booth', 'table')),
    location       TEXT NOT NULL,
    PRIMARY KEY (run_id, importer_id, exhibitor_id)
) WITHOUT ROWID;
