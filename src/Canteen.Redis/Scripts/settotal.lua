-- SetTotal: change today's total of one limited dish by changing only its available portions.
-- KEYS[1] the dish's stock hash; ARGV[1] the new total
-- Returns {} when the dish is not limited, else {succeeded (1/0), available, reserved, sold} after the call.
--
-- Atomicity: the read and the write are one step, so a hold taken concurrently cannot slip between the check
-- "total >= reserved + sold" and the new available, which would make available negative.
local level = redis.call('HMGET', KEYS[1], 'available', 'reserved', 'sold')
if not level[1] then
  return {}
end
local available, reserved, sold = tonumber(level[1]), tonumber(level[2]), tonumber(level[3])
local total = tonumber(ARGV[1])
if total < reserved + sold then
  return {0, available, reserved, sold}
end
redis.call('HSET', KEYS[1], 'available', total - reserved - sold)
return {1, total - reserved - sold, reserved, sold}
