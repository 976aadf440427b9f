-- 0003: payments. A row is one attempt to pay for an order; it carries the payment saga's schedule (next_check_at,
-- attempts) so a restarted instance resumes every step from the table alone. Like the other operational tables it has
-- no foreign key to orders (see 0001): a payment is written in the same transaction as its order change anyway.

CREATE TABLE payments (
    id                 bigint  NOT NULL PRIMARY KEY,
    order_id           bigint  NOT NULL,
    store_id           text    NOT NULL,
    provider           text    NOT NULL,
    method             text    NULL,
    amount             bigint  NOT NULL,
    currency           text    NOT NULL,
    status             text    NOT NULL CHECK (status IN ('pending', 'succeeded', 'failed', 'closed', 'refunding', 'refunded')),
    provider_reference text    NULL,
    pay_url            text    NULL,
    code_url           text    NULL,
    version            integer NOT NULL,
    attempts           integer NOT NULL,
    next_check_at      bigint  NULL,
    created_at         bigint  NOT NULL,
    updated_at         bigint  NOT NULL
);

CREATE INDEX ix_payments_order_id ON payments (order_id);

-- The saga's to-do list: only payments with a step left are indexed, so the table's history never slows it down.
CREATE INDEX ix_payments_due ON payments (next_check_at, id) WHERE next_check_at IS NOT NULL;
