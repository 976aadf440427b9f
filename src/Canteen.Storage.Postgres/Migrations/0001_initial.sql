-- 0001: the whole schema, equivalent to the SQLite adapter's 0001 + 0002.
-- Instants are UTC ticks (bigint) so they round-trip exactly (timestamptz keeps microseconds only); money is bigint
-- minor units; catalog rows keep their list position so the catalog loads back in the order it was written.
-- Unqualified names: the adapter sets search_path to its schema, so one database can hold several schemas.

CREATE TABLE stores (
    id           text    NOT NULL PRIMARY KEY,
    name         text    NOT NULL,
    city         text    NOT NULL,
    currency     text    NOT NULL,
    time_zone_id text    NOT NULL,
    position     integer NOT NULL
);

CREATE TABLE categories (
    id       text    NOT NULL PRIMARY KEY,
    name     text    NOT NULL,
    sort     integer NOT NULL,
    position integer NOT NULL
);

CREATE TABLE modifier_groups (
    id          text    NOT NULL PRIMARY KEY,
    name        text    NOT NULL,
    min_choices integer NOT NULL,
    max_choices integer NOT NULL,
    position    integer NOT NULL
);

-- Option ids are unique within their group only.
CREATE TABLE modifier_options (
    group_id    text    NOT NULL REFERENCES modifier_groups (id),
    id          text    NOT NULL,
    name        text    NOT NULL,
    price_delta bigint  NOT NULL,
    position    integer NOT NULL,
    PRIMARY KEY (group_id, id)
);

CREATE TABLE dishes (
    id             text    NOT NULL PRIMARY KEY,
    category_id    text    NOT NULL REFERENCES categories (id),
    name           text    NOT NULL,
    price          bigint  NOT NULL,
    daily_portions integer NULL,
    position       integer NOT NULL
);

CREATE TABLE dish_modifier_groups (
    dish_id  text    NOT NULL REFERENCES dishes (id),
    group_id text    NOT NULL REFERENCES modifier_groups (id),
    position integer NOT NULL,
    PRIMARY KEY (dish_id, position)
);

CREATE TABLE store_dishes (
    store_id       text    NOT NULL REFERENCES stores (id),
    dish_id        text    NOT NULL REFERENCES dishes (id),
    available      boolean NOT NULL,
    price_override bigint  NULL,
    position       integer NOT NULL,
    PRIMARY KEY (store_id, dish_id)
);

-- Operational tables carry no foreign keys to the catalog: a menu edit must never be blocked by history, and a
-- bad id in one write must not fail a whole group-committed batch of other guests' orders.
CREATE TABLE stock_levels (
    store_id       text    NOT NULL,
    dish_id        text    NOT NULL,
    total          integer NOT NULL,
    daily_portions integer NOT NULL,
    PRIMARY KEY (store_id, dish_id)
);

-- Lines and total never change after creation; only status, version and updated_at do.
CREATE TABLE orders (
    id               bigint  NOT NULL PRIMARY KEY,
    store_id         text    NOT NULL,
    owner_id         text    NOT NULL,
    type             text    NOT NULL CHECK (type IN ('dine_in', 'takeaway', 'delivery')),
    table_label      text    NULL,
    note             text    NULL,
    status           text    NOT NULL CHECK (status IN ('created', 'paying', 'paid', 'preparing', 'ready', 'completed', 'cancelled', 'refunded')),
    lines            jsonb   NOT NULL,
    total            bigint  NOT NULL,
    currency         text    NOT NULL,
    version          integer NOT NULL,
    business_day     date    NOT NULL,
    pickup_seq       integer NOT NULL,
    payment_deadline bigint  NOT NULL,
    created_at       bigint  NOT NULL,
    updated_at       bigint  NOT NULL
);

CREATE INDEX ix_orders_store_id ON orders (store_id, id DESC);
CREATE INDEX ix_orders_store_day_pickup ON orders (store_id, business_day, pickup_seq);

-- The expiry sweeper asks often for unpaid orders past their deadline, earliest first. A partial index holds only
-- the orders still waiting for payment, so it stays small as history grows and one ordered range scan answers.
CREATE INDEX ix_orders_unpaid_deadline ON orders (payment_deadline, id) WHERE status IN ('created', 'paying');

CREATE TABLE stock_holds (
    order_id bigint  NOT NULL,
    store_id text    NOT NULL,
    dish_id  text    NOT NULL,
    quantity integer NOT NULL CHECK (quantity > 0),
    state    text    NOT NULL CHECK (state IN ('held', 'confirmed', 'released', 'settled')),
    deadline bigint  NOT NULL,
    PRIMARY KEY (order_id, dish_id)
);

-- Start-up and the daily reset read only live holds; history (released, settled) stays out of their way.
CREATE INDEX ix_stock_holds_live ON stock_holds (store_id, state) WHERE state IN ('held', 'confirmed');

CREATE TABLE idempotency_keys (
    scope        text    NOT NULL,
    key          text    NOT NULL,
    request_hash text    NOT NULL,
    status_code  integer NOT NULL,
    location     text    NULL,
    body         bytea   NOT NULL,
    created_at   bigint  NOT NULL,
    PRIMARY KEY (scope, key)
);

-- The payload stays text, not jsonb: the relay must publish exactly the bytes the writer stored.
CREATE TABLE outbox (
    id           uuid    NOT NULL PRIMARY KEY,
    type         text    NOT NULL,
    aggregate_id text    NOT NULL,
    store_id     text    NOT NULL,
    payload      text    NOT NULL,
    occurred_at  bigint  NOT NULL,
    sent_at      bigint  NULL
);

-- The relay only ever looks for what is still unsent; a partial index stays small as history grows.
CREATE INDEX ix_outbox_unsent ON outbox (occurred_at, id) WHERE sent_at IS NULL;

CREATE TABLE inbox (
    consumer   text   NOT NULL,
    event_id   uuid   NOT NULL,
    handled_at bigint NOT NULL,
    PRIMARY KEY (consumer, event_id)
);
