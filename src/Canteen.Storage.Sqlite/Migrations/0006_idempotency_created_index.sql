-- 0006: idempotency records are pruned after their retention (Canteen:Idempotency:Retention), oldest first. The
-- index grows at its right-hand end only (records are created in time order), so each group commit touches one more
-- page at most, shared by every order in it.
CREATE INDEX ix_idempotency_keys_created ON idempotency_keys (created_at);
