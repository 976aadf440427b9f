-- 0003: back-office accounts (staff, kitchen, admin), and an index that lets the edge count a guest's unpaid orders.
-- store_ids is a comma-separated list: store ids are validated identifiers at the edge and never contain a comma.

CREATE TABLE users (
    username      TEXT    NOT NULL PRIMARY KEY,
    password_hash TEXT    NOT NULL,
    role          TEXT    NOT NULL CHECK (role IN ('staff', 'kitchen', 'admin')),
    store_ids     TEXT    NOT NULL,
    created_at    INTEGER NOT NULL
) WITHOUT ROWID;

CREATE INDEX ix_orders_owner_unpaid ON orders (owner_id) WHERE status IN ('created', 'paying');
