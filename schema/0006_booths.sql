-- 0006: halls, booths on the floor plan, and race-free booth booking.
-- A booking is one exhibitor's claim on one booth: held (for a limited
-- time), confirmed by the exhibitor, approved or rejected by an organizer,
-- or released/expired. The partial unique index lets the database itself
-- allow only one active claim per booth: of two exhibitors holding the same
-- booth at the same moment, exactly one insert succeeds.

ALTER TABLE fairs ADD COLUMN booth_hold_minutes INTEGER NOT NULL DEFAULT 15 CHECK (booth_hold_minutes BETWEEN 1 AND 1440);
ALTER TABLE fairs ADD COLUMN booths_per_exhibitor INTEGER NOT NULL DEFAULT 1 CHECK (booths_per_exhibitor BETWEEN 1 AND 20);

CREATE TABLE halls (
    id        INTEGER PRIMARY KEY,
    fair_id   INTEGER NOT NULL REFERENCES fairs(id) ON DELETE CASCADE,
    code      TEXT NOT NULL,
    name_vi   TEXT NOT NULL,
    name_en   TEXT NOT NULL,
    width     INTEGER NOT NULL CHECK (width BETWEEN 1 AND 100000),   -- plan units (decimetres)
    height    INTEGER NOT NULL CHECK (height BETWEEN 1 AND 100000),
    UNIQUE (fair_id, code)
);

CREATE TABLE booths (
    id              INTEGER PRIMARY KEY,
    fair_id         INTEGER NOT NULL REFERENCES fairs(id) ON DELETE CASCADE,
    hall_id         INTEGER NOT NULL REFERENCES halls(id) ON DELETE CASCADE,
    code            TEXT NOT NULL,
    x               INTEGER NOT NULL CHECK (x >= 0),
    y               INTEGER NOT NULL CHECK (y >= 0),
    w               INTEGER NOT NULL CHECK (w > 0),
    h               INTEGER NOT NULL CHECK (h > 0),
    area_m2         REAL NOT NULL CHECK (area_m2 > 0),
    kind            TEXT NOT NULL CHECK (kind IN ('standard', 'corner', 'premium', 'pavilion')),
    price_amount    INTEGER NOT NULL CHECK (price_amount >= 0),
    price_currency  TEXT NOT NULL,
    blocked         INTEGER NOT NULL DEFAULT 0 CHECK (blocked IN (0, 1)),
    UNIQUE (fair_id, code)
);
CREATE INDEX booths_hall ON booths(hall_id);

CREATE TABLE booth_bookings (
    id            INTEGER PRIMARY KEY,
    booth_id      INTEGER NOT NULL REFERENCES booths(id) ON DELETE CASCADE,
    exhibitor_id  INTEGER NOT NULL REFERENCES exhibitors(id) ON DELETE CASCADE,
    status        TEXT NOT NULL CHECK (status IN ('held', 'confirmed', 'approved', 'rejected', 'released', 'expired')),
    held_at       INTEGER NOT NULL,  -- unix seconds
    expires_at    INTEGER NOT NULL,  -- for 'held' only
    decided_at    INTEGER,
    reason        TEXT NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX booth_bookings_one_active ON booth_bookings(booth_id)
    WHERE status IN ('held', 'confirmed', 'approved');
CREATE INDEX booth_bookings_exhibitor ON booth_bookings(exhibitor_id, status);
