-- Return: sold -> available for every line of one confirmed hold (a refund before the kitchen started).
-- KEYS[1] the order's hold hash; KEYS[2] the store's set of confirmed order ids
-- ARGV[1] the store's stock key prefix ({prefix}:{store}:stock:); ARGV[2] the order id; ARGV[3] the barrier lifetime (s)
-- Returns 1 when the portions went back, 0 when the hold is not confirmed (held, released, unknown, or forgotten by
-- the daily reset, which deletes confirmed holds).
--
-- Atomicity: the state check, the moves and the state change are one step, so of two Returns of one order (or a
-- Return racing the daily reset, which runs on the same slot) exactly one sees 'confirmed'.
local state = redis.call('HGET', KEYS[1], 'state')
if state ~= 'confirmed' then
  return 0
end
local fields = redis.call('HGETALL', KEYS[1])
for i = 1, #fields, 2 do
  if string.sub(fields[i], 1, 2) == 'd:' then
    local stock = ARGV[1] .. string.sub(fields[i], 3)
    redis.call('HINCRBY', stock, 'sold', -tonumber(fields[i + 1]))
    redis.call('HINCRBY', stock, 'available', fields[i + 1])
  end
end
-- 'released', not a state of its own: try.lua bars a retried Try only for 'released' (any other state would be
-- answered as held), and Confirm, Cancel and Return all leave a released hold alone. Like a cancelled hold it stays
-- as a barrier for a while; it leaves the confirmed set, so the daily reset does not count it as settled.
redis.call('HSET', KEYS[1], 'state', 'released')
redis.call('SREM', KEYS[2], ARGV[2])
redis.call('EXPIRE', KEYS[1], ARGV[3])
return 1
