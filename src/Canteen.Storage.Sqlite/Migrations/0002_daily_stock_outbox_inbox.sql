-- 0002: holds can be settled (sold on an earlier business day), and consumers keep an inbox.
-- SQLite cannot change a CHECK constraint in place, so stock_holds is rebuilt with the new state allowed.

CREATE TABLE stock_holds_new (
    order_id INTEGER NOT NULL,
    store_id TEXT    NOT NULL,
    dish_id  TEXT    NOT NULL,
    quantity INTEGER NOT NULL CHECK (quantity > 0),
    state    TEXT    NOT NULL CHECK (state IN ('held', 'confirmed', 'released', 'settled')),
    deadline INTEGER NOT NULL,
    PRIMARY KEY (order_id, dish_id)
) WITHOUT ROWID;

INSERT INTO stock_holds_new (order_id, store_id, dish_id, quantity, state, deadline)
SELECT order_id, store_id, dish_id, quantity, state, deadline FROM stock_holds;

DROP TABLE stock_holds;
ALTER TABLE stock_holds_new RENAME TO stock_holds;

-- Start-up and the daily reset read only live holds; history (released, settled) stays out of their way.
CREATE INDEX ix_stock_holds_live ON stock_holds (store_id, state) WHERE state IN ('held', 'confirmed');

CREATE TABLE inbox (
    consumer   TEXT    NOT NULL,
    event_id   TEXT    NOT NULL,
    handled_at INTEGER NOT NULL,
    PRIMARY KEY (consumer, event_id)
) WITHOUT ROWID;
