-- 0011: each participant's own live feed (schedule changed, meeting
-- cancelled, next meeting in 10 minutes, no-show recorded), stored so that a
-- reconnecting client resumes after its last id; `dedupe` makes a timer's
-- message (a reminder) exist once even across restarts. Unconfirmed
-- meetings (no outcome a grace period after their end) are flagged once.

CREATE TABLE notifications (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,  -- never reused: clients resume after it
    fair_id         INTEGER NOT NULL REFERENCES fairs(id) ON DELETE CASCADE,
    recipient_kind  TEXT NOT NULL CHECK (recipient_kind IN ('exhibitor', 'importer')),
    recipient_id    INTEGER NOT NULL,
    type            TEXT NOT NULL,
    payload         TEXT NOT NULL,  -- JSON object
    dedupe          TEXT,           -- e.g. 'next_meeting:42'; NULL for one-off messages
    created_at      INTEGER NOT NULL
);
CREATE INDEX notifications_recipient ON notifications(recipient_kind, recipient_id, id);
CREATE UNIQUE INDEX notifications_once ON notifications(recipient_kind, recipient_id, dedupe) WHERE dedupe IS NOT NULL;

CREATE TABLE live_settings (
    fair_id                    INTEGER PRIMARY KEY REFERENCES fairs(id) ON DELETE CASCADE,
    unconfirmed_after_minutes  INTEGER NOT NULL DEFAULT 30 CHECK (unconfirmed_after_minutes BETWEEN 0 AND 1440)
);

CREATE TABLE meeting_flags (
    meeting_id  INTEGER PRIMARY KEY REFERENCES meetings(id) ON DELETE CASCADE,
    flag        TEXT NOT NULL CHECK (flag IN ('unconfirmed')),
    flagged_at  INTEGER NOT NULL
);

-- The live timer's look-ups: meetings about to start, meetings recently ended.
CREATE INDEX meetings_starting ON meetings(starts_at) WHERE status = 'scheduled';
CREATE INDEX meetings_ending ON meetings(ends_at) WHERE status = 'scheduled';
