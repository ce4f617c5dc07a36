-- 0003: accounts, sessions, API tokens, one-time links, the outbox, fair
-- organizers, participation status on profiles, and the audit log.

CREATE TABLE users (
    id             INTEGER PRIMARY KEY,
    email          TEXT NOT NULL COLLATE NOCASE UNIQUE,
    password_hash  TEXT NOT NULL,  -- argon2id string; '' until an invited user sets one
    display_name   TEXT NOT NULL,
    role           TEXT NOT NULL CHECK (role IN ('exhibitor', 'importer', 'organizer')),
    language       TEXT NOT NULL CHECK (language IN ('vi', 'en')),
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL
);

-- Browser sessions. Only a hash of the cookie's token is stored.
CREATE TABLE sessions (
    id            INTEGER PRIMARY KEY,
    user_id       INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    token_hash    TEXT NOT NULL UNIQUE,
    csrf_token    TEXT NOT NULL,
    created_at    INTEGER NOT NULL,  -- unix seconds
    last_seen_at  INTEGER NOT NULL,
    expires_at    INTEGER NOT NULL,  -- absolute expiry
    revoked_at    INTEGER,
    user_agent    TEXT NOT NULL,
    ip            TEXT NOT NULL
);
CREATE INDEX sessions_user ON sessions(user_id);

CREATE TABLE api_tokens (
    id            INTEGER PRIMARY KEY,
    user_id       INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    name          TEXT NOT NULL,
    token_hash    TEXT NOT NULL UNIQUE,
    prefix        TEXT NOT NULL,     -- the first characters, to recognise a token in lists
    created_at    INTEGER NOT NULL,
    last_used_at  INTEGER,
    revoked_at    INTEGER
);
CREATE INDEX api_tokens_user ON api_tokens(user_id);

-- Failed sign-ins per account ('email:...') and per client address ('ip:...').
CREATE TABLE sign_in_failures (
    key       TEXT PRIMARY KEY,
    failures  INTEGER NOT NULL,
    last_at   INTEGER NOT NULL
) WITHOUT ROWID;

-- Password-reset and invitation links: single use, expiring.
CREATE TABLE one_time_tokens (
    id          INTEGER PRIMARY KEY,
    user_id     INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    kind        TEXT NOT NULL CHECK (kind IN ('reset', 'invite')),
    token_hash  TEXT NOT NULL UNIQUE,
    created_at  INTEGER NOT NULL,
    expires_at  INTEGER NOT NULL,
    used_at     INTEGER
);

-- There is no mail server: messages wait here for an organizer to pass on.
CREATE TABLE outbox (
    id          INTEGER PRIMARY KEY,
    user_id     INTEGER REFERENCES users(id) ON DELETE SET NULL,
    kind        TEXT NOT NULL,
    to_email    TEXT NOT NULL,
    subject     TEXT NOT NULL,
    body        TEXT NOT NULL,
    link        TEXT NOT NULL,
    created_at  TEXT NOT NULL
);

CREATE TABLE fair_organizers (
    fair_id  INTEGER NOT NULL REFERENCES fairs(id) ON DELETE CASCADE,
    user_id  INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    PRIMARY KEY (fair_id, user_id)
) WITHOUT ROWID;

CREATE TABLE audit_log (
    id             INTEGER PRIMARY KEY,
    fair_id        INTEGER REFERENCES fairs(id) ON DELETE SET NULL,
    actor_user_id  INTEGER REFERENCES users(id) ON DELETE SET NULL,
    action         TEXT NOT NULL,
    entity         TEXT NOT NULL,
    entity_id      INTEGER,
    before_json    TEXT,
    after_json     TEXT,
    created_at     TEXT NOT NULL
);
CREATE INDEX audit_log_fair ON audit_log(fair_id, id);

-- A profile is a company's participation in one fair: its owner applies,
-- an organizer of the fair approves or rejects with a reason.
ALTER TABLE exhibitors ADD COLUMN owner_user_id INTEGER REFERENCES users(id) ON DELETE SET NULL;
ALTER TABLE exhibitors ADD COLUMN status TEXT NOT NULL DEFAULT 'approved'
    CHECK (status IN ('pending', 'approved', 'rejected'));
ALTER TABLE exhibitors ADD COLUMN status_reason TEXT NOT NULL DEFAULT '';
CREATE UNIQUE INDEX exhibitors_owner_fair ON exhibitors(owner_user_id, fair_id) WHERE owner_user_id IS NOT NULL;

ALTER TABLE importers ADD COLUMN owner_user_id INTEGER REFERENCES users(id) ON DELETE SET NULL;
ALTER TABLE importers ADD COLUMN status TEXT NOT NULL DEFAULT 'approved'
    CHECK (status IN ('pending', 'approved', 'rejected'));
ALTER TABLE importers ADD COLUMN status_reason TEXT NOT NULL DEFAULT '';
CREATE UNIQUE INDEX importers_owner_fair ON importers(owner_user_id, fair_id) WHERE owner_user_id IS NOT NULL;
