-- Confirm: reserved -> sold for every line of one hold.
-- KEYS[1] the order's hold hash; KEYS[2] the store's set of confirmed order ids (forgotten at the daily reset)
-- ARGV[1] the store's stock key prefix ({prefix}:{store}:stock:); ARGV[2] the order id
-- Returns 1 when the hold is (now or already) confirmed, 0 when it is unknown or was cancelled.
--
-- Atomicity: the state check and the move run as one step, so a concurrent Cancel of the same order (cancel.lua)
-- runs entirely before or entirely after: exactly one of them wins. The stock keys are derived from the hold's lines
-- rather than passed in (the caller only knows the order id); they carry the same store hash tag as KEYS[1], so
-- they are on the same cluster slot.
local state = redis.call('HGET', KEYS[1], 'state')
if state == 'confirmed' then
  return 1
end
if state ~= 'held' then
  return 0
end
local fields = redis.call('HGETALL', KEYS[1])
for i = 1, #fields, 2 do
  if string.sub(fields[i], 1, 2) == 'd:' then
    local stock = ARGV[1] .. string.sub(fields[i], 3)
    redis.call('HINCRBY', stock, 'reserved', -tonumber(fields[i + 1]))
    redis.call('HINCRBY', stock, 'sold', fields[i + 1])
  end
end
redis.call('HSET', KEYS[1], 'state', 'confirmed')
redis.call('SADD', KEYS[2], ARGV[2])
return 1
