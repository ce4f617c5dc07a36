-- 0001: reference tables and the first slice of the domain.
-- List-valued profile fields are stored as JSON arrays of codes (TEXT);
-- times as UTC ISO 8601 text; money as integer minor units + ISO 4217.

CREATE TABLE categories (
    code     TEXT PRIMARY KEY,
    hs_code  TEXT NOT NULL CHECK (length(hs_code) BETWEEN 4 AND 6),
    name_vi  TEXT NOT NULL,
    name_en  TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE countries (
    code     TEXT PRIMARY KEY CHECK (length(code) = 2),
    name_vi  TEXT NOT NULL,
    name_en  TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE provinces (
    code     TEXT PRIMARY KEY,
    name_vi  TEXT NOT NULL,
    name_en  TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE certifications (
    code     TEXT PRIMARY KEY,
    name_vi  TEXT NOT NULL,
    name_en  TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE fairs (
    id          INTEGER PRIMARY KEY,
    name_vi     TEXT NOT NULL,
    name_en     TEXT NOT NULL,
    venue       TEXT NOT NULL,
    city        TEXT NOT NULL,
    time_zone   TEXT NOT NULL,
    start_date  TEXT NOT NULL,
    end_date    TEXT NOT NULL CHECK (end_date >= start_date),
    status      TEXT NOT NULL CHECK (status IN ('draft','open','live','closed')),
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);

CREATE TABLE exhibitors (
    id                INTEGER PRIMARY KEY,
    fair_id           INTEGER NOT NULL REFERENCES fairs(id) ON DELETE RESTRICT,
    name              TEXT NOT NULL,
    name_en           TEXT NOT NULL,
    tax_code          TEXT NOT NULL,
    province          TEXT NOT NULL REFERENCES provinces(code),
    craft_village     TEXT NOT NULL,
    description_vi    TEXT NOT NULL,
    description_en    TEXT NOT NULL,
    categories        TEXT NOT NULL,
    materials         TEXT NOT NULL,
    certifications    TEXT NOT NULL,
    moq               INTEGER NOT NULL CHECK (moq >= 0),
    monthly_capacity  INTEGER NOT NULL CHECK (monthly_capacity >= 0),
    lead_time_days    INTEGER NOT NULL CHECK (lead_time_days >= 0),
    price_tier        TEXT NOT NULL,
    export_markets    TEXT NOT NULL,
    languages         TEXT NOT NULL,
    website           TEXT NOT NULL,
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL
);
CREATE INDEX exhibitors_fair ON exhibitors(fair_id, id);

CREATE TABLE importers (
    id                      INTEGER PRIMARY KEY,
    fair_id                 INTEGER NOT NULL REFERENCES fairs(id) ON DELETE RESTRICT,
    name                    TEXT NOT NULL,
    country                 TEXT NOT NULL REFERENCES countries(code),
    buyer_type              TEXT NOT NULL,
    categories              TEXT NOT NULL,
    required_certifications TEXT NOT NULL,
    price_tier              TEXT NOT NULL,
    order_quantity          INTEGER NOT NULL CHECK (order_quantity >= 0),
    max_lead_time_days      INTEGER NOT NULL CHECK (max_lead_time_days >= 0),
    annual_budget_amount    INTEGER NOT NULL CHECK (annual_budget_amount >= 0),
    annual_budget_currency  TEXT NOT NULL,
    languages               TEXT NOT NULL,
    created_at              TEXT NOT NULL,
    updated_at              TEXT NOT NULL
);
CREATE INDEX importers_fair ON importers(fair_id, id);

CREATE TABLE products (
    id              INTEGER PRIMARY KEY,
    exhibitor_id    INTEGER NOT NULL REFERENCES exhibitors(id) ON DELETE CASCADE,
    name_vi         TEXT NOT NULL,
    name_en         TEXT NOT NULL,
    description_vi  TEXT NOT NULL,
    description_en  TEXT NOT NULL,
    category        TEXT NOT NULL REFERENCES categories(code),
    materials       TEXT NOT NULL,
    fob_price_min   INTEGER NOT NULL CHECK (fob_price_min >= 0),
    fob_price_max   INTEGER NOT NULL CHECK (fob_price_max >= fob_price_min),
    currency        TEXT NOT NULL,
    moq             INTEGER NOT NULL CHECK (moq >= 0),
    village         TEXT NOT NULL,
    artisan         TEXT NOT NULL,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);
CREATE INDEX products_exhibitor ON products(exhibitor_id, id);

CREATE TABLE product_photos (
    id            INTEGER PRIMARY KEY,
    product_id    INTEGER NOT NULL REFERENCES products(id) ON DELETE CASCADE,
    content_type  TEXT NOT NULL CHECK (content_type IN ('image/jpeg','image/png','image/webp')),
    size          INTEGER NOT NULL CHECK (size > 0),
    file_name     TEXT NOT NULL UNIQUE,
    created_at    TEXT NOT NULL
);
CREATE INDEX product_photos_product ON product_photos(product_id, id);
