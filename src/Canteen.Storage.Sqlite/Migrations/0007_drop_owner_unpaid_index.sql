-- 0007: a guest's unpaid orders are counted in memory (UnpaidCounts: this process is the file's only writer), so the
-- index that served the count per placement goes; it cost a random page written per order, a fifth of all pages.
DROP INDEX IF EXISTS ix_orders_owner_unpaid;
