-- 0004: payments. A row is one attempt to pay for an order; it carries the payment saga's schedule (next_check_at,
-- attempts) so a restarted process resumes every step from the table alone. Like the other operational tables it has
-- no foreign key to orders (see 0001): a payment is written in the same transaction as its order change anyway.

CREATE TABLE payments (
    id                 INTEGER NOT NULL PRIMARY KEY,
    order_id           INTEGER NOT NULL,
    store_id           TEXT    NOT NULL,
    provider           TEXT    NOT NULL,
    method             TEXT    NULL,
    amount             INTEGER NOT NULL,
    currency           TEXT    NOT NULL,
    status             TEXT    NOT NULL CHECK (status IN ('pending', 'succeeded', 'failed', 'closed', 'refunding', 'refunded')),
    provider_reference TEXT    NULL,
    pay_url            TEXT    NULL,
    code_url           TEXT    NULL,
    version            INTEGER NOT NULL,
    attempts           INTEGER NOT NULL,
    next_check_at      INTEGER NULL,
    created_at         INTEGER NOT NULL,
    updated_at         INTEGER NOT NULL
);

CREATE INDEX ix_payments_order_id ON payments (order_id);

-- The saga's to-do list: only payments with a step left are indexed, so the table's history never slows it down.
CREATE INDEX ix_payments_due ON payments (next_check_at, id) WHERE next_check_at IS NOT NULL;
