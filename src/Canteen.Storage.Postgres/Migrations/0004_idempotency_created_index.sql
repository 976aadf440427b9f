-- 0004: idempotency records are pruned after their retention (Canteen:Idempotency:Retention), oldest first; the
-- index grows at its right-hand end only, since records are created in time order.
CREATE INDEX ix_idempotency_keys_created ON idempotency_keys (created_at);
