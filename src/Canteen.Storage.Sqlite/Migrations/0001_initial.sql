-- 0001: the initial schema.
-- Instants are UTC ticks (INTEGER) so they round-trip exactly; money is integer minor units; catalog rows keep
-- their list position so the catalog loads back in the order it was written.

CREATE TABLE stores (
    id           TEXT    NOT NULL PRIMARY KEY,
    name         TEXT    NOT NULL,
    city         TEXT    NOT NULL,
    currency     TEXT    NOT NULL,
    time_zone_id TEXT    NOT NULL,
    position     INTEGER NOT NULL
);

CREATE TABLE categories (
    id       TEXT    NOT NULL PRIMARY KEY,
    name     TEXT    NOT NULL,
    sort     INTEGER NOT NULL,
    position INTEGER NOT NULL
);

CREATE TABLE modifier_groups (
    id          TEXT    NOT NULL PRIMARY KEY,
    name        TEXT    NOT NULL,
    min_choices INTEGER NOT NULL,
    max_choices INTEGER NOT NULL,
    position    INTEGER NOT NULL
);

-- Option ids are unique within their group only.
CREATE TABLE modifier_options (
    group_id    TEXT    NOT NULL REFERENCES modifier_groups (id),
    id          TEXT    NOT NULL,
    name        TEXT    NOT NULL,
    price_delta INTEGER NOT NULL,
    position    INTEGER NOT NULL,
    PRIMARY KEY (group_id, id)
);

CREATE TABLE dishes (
    id             TEXT    NOT NULL PRIMARY KEY,
    category_id    TEXT    NOT NULL REFERENCES categories (id),
    name           TEXT    NOT NULL,
    price          INTEGER NOT NULL,
    daily_portions INTEGER NULL,
    position       INTEGER NOT NULL
);

CREATE TABLE dish_modifier_groups (
    dish_id  TEXT    NOT NULL REFERENCES dishes (id),
    group_id TEXT    NOT NULL REFERENCES modifier_groups (id),
    position INTEGER NOT NULL,
    PRIMARY KEY (dish_id, position)
);

CREATE TABLE store_dishes (
    store_id       TEXT    NOT NULL REFERENCES stores (id),
    dish_id        TEXT    NOT NULL REFERENCES dishes (id),
    available      INTEGER NOT NULL CHECK (available IN (0, 1)),
    price_override INTEGER NULL,
    position       INTEGER NOT NULL,
    PRIMARY KEY (store_id, dish_id)
);

-- Operational tables carry no foreign keys to the catalog: a menu edit must never be blocked by history, and a
-- bad id in one write must not fail a whole group-committed batch of other guests' orders.
CREATE TABLE stock_levels (
    store_id       TEXT    NOT NULL,
    dish_id        TEXT    NOT NULL,
    total          INTEGER NOT NULL,
    daily_portions INTEGER NOT NULL,
    PRIMARY KEY (store_id, dish_id)
) WITHOUT ROWID;

-- Lines and total never change after creation; only status, version and updated_at do.
CREATE TABLE orders (
    id               INTEGER NOT NULL PRIMARY KEY,
    store_id         TEXT    NOT NULL,
    owner_id         TEXT    NOT NULL,
    type             TEXT    NOT NULL CHECK (type IN ('dine_in', 'takeaway', 'delivery')),
    table_label      TEXT    NULL,
    note             TEXT    NULL,
    status           TEXT    NOT NULL CHECK (status IN ('created', 'paying', 'paid', 'preparing', 'ready', 'completed', 'cancelled', 'refunded')),
    lines_json       TEXT    NOT NULL,
    total            INTEGER NOT NULL,
    currency         TEXT    NOT NULL,
    version          INTEGER NOT NULL,
    business_day     TEXT    NOT NULL,
    pickup_seq       INTEGER NOT NULL,
    payment_deadline INTEGER NOT NULL,
    created_at       INTEGER NOT NULL,
    updated_at       INTEGER NOT NULL
);

CREATE INDEX ix_orders_store_id ON orders (store_id, id DESC);
CREATE INDEX ix_orders_status_deadline ON orders (status, payment_deadline);
CREATE INDEX ix_orders_store_day_pickup ON orders (store_id, business_day, pickup_seq);

CREATE TABLE stock_holds (
    order_id INTEGER NOT NULL,
    store_id TEXT    NOT NULL,
    dish_id  TEXT    NOT NULL,
    quantity INTEGER NOT NULL CHECK (quantity > 0),
    state    TEXT    NOT NULL CHECK (state IN ('held', 'confirmed', 'released')),
    deadline INTEGER NOT NULL,
    PRIMARY KEY (order_id, dish_id)
) WITHOUT ROWID;

CREATE TABLE idempotency_keys (
    scope        TEXT    NOT NULL,
    key          TEXT    NOT NULL,
    request_hash TEXT    NOT NULL,
    status_code  INTEGER NOT NULL,
    location     TEXT    NULL,
    body         BLOB    NOT NULL,
    created_at   INTEGER NOT NULL,
    PRIMARY KEY (scope, key)
) WITHOUT ROWID;

CREATE TABLE outbox (
    id           TEXT    NOT NULL PRIMARY KEY,
    type         TEXT    NOT NULL,
    aggregate_id TEXT    NOT NULL,
    store_id     TEXT    NOT NULL,
    payload      TEXT    NOT NULL,
    occurred_at  INTEGER NOT NULL,
    sent_at      INTEGER NULL
);

-- The relay only ever looks for what is still unsent; a partial index stays small as history grows.
CREATE INDEX ix_outbox_unsent ON outbox (occurred_at) WHERE sent_at IS NULL;
