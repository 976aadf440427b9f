-- Cancel: reserved -> available for every line of one hold, or a barrier if the Try has not run yet.
-- KEYS[1] the order's hold hash
-- ARGV[1] the store's stock key prefix ({prefix}:{store}:stock:); ARGV[2] the barrier lifetime in seconds
-- Returns 'barrier' (no hold yet), 'released' (portions returned), or the state that made it a no-op.
--
-- Atomicity: the state check, the returns and the state change are one step, so a Cancel racing a Confirm or a
-- second Cancel cannot return portions twice or return sold ones. A Cancel that finds no hold writes the barrier in
-- the same key a late try.lua checks first, so the late Try holds nothing.
local state = redis.call('HGET', KEYS[1], 'state')
if not state then
  redis.call('HSET', KEYS[1], 'state', 'released')
  redis.call('EXPIRE', KEYS[1], ARGV[2])
  return 'barrier'
end
if state ~= 'held' then
  return state
end
local fields = redis.call('HGETALL', KEYS[1])
for i = 1, #fields, 2 do
  if string.sub(fields[i], 1, 2) == 'd:' then
    local stock = ARGV[1] .. string.sub(fields[i], 3)
    redis.call('HINCRBY', stock, 'reserved', -tonumber(fields[i + 1]))
    redis.call('HINCRBY', stock, 'available', fields[i + 1])
  end
end
-- The released hold stays as a barrier for a while, so a duplicate Try of this order still holds nothing.
redis.call('HSET', KEYS[1], 'state', 'released')
redis.call('EXPIRE', KEYS[1], ARGV[2])
return 'released'
