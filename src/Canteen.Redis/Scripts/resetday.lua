-- ResetDay: start a store's new business day.
-- KEYS[1] the store's set of confirmed order ids; KEYS[2..n+1] the stock hashes of the dishes to reset
-- ARGV[1] the store's hold key prefix ({prefix}:{store}:hold:); ARGV[2..n+1] each dish's daily portions
-- Returns the order ids whose confirmed holds were forgotten.
--
-- Atomicity: every dish is reset and every confirmed hold forgotten in one step, so no Try or Confirm sees half a
-- new day. Sold goes to 0; held portions stay reserved, so the total is the daily portions or, if more, what is
-- still reserved: available + reserved + sold == total holds before and after.
for i = 2, #KEYS do
  local reserved = redis.call('HGET', KEYS[i], 'reserved')
  if reserved then
    local total = math.max(tonumber(ARGV[i]), tonumber(reserved))
    redis.call('HSET', KEYS[i], 'available', total - tonumber(reserved), 'sold', 0)
  end
end
local forgotten = redis.call('SMEMBERS', KEYS[1])
for _, orderId in ipairs(forgotten) do
  redis.call('DEL', ARGV[1] .. orderId)
end
redis.call('DEL', KEYS[1])
return forgotten
