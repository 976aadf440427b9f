-- 0002: back-office accounts (staff, kitchen, admin), and an index that lets the edge count a guest's unpaid orders.

CREATE TABLE users (
    username      text   NOT NULL PRIMARY KEY,
    password_hash text   NOT NULL,
    role          text   NOT NULL CHECK (role IN ('staff', 'kitchen', 'admin')),
    store_ids     text[] NOT NULL,
    created_at    bigint NOT NULL
);

CREATE INDEX ix_orders_owner_unpaid ON orders (owner_id) WHERE status IN ('created', 'paying');
