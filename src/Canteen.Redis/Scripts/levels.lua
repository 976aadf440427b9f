-- Levels: a consistent snapshot of every limited dish of one store.
-- KEYS[1] the store's set of limited dish ids; ARGV[1] the store's stock key prefix ({prefix}:{store}:stock:)
-- Returns {dish, available, reserved, sold, ...}.
--
-- Atomicity: read in one step, so no hold moves portions between two dishes' reads. Stock keys are derived from the
-- set's members and share the store's hash tag (same cluster slot).
local levels = {}
for _, dish in ipairs(redis.call('SMEMBERS', KEYS[1])) do
  local level = redis.call('HMGET', ARGV[1] .. dish, 'available', 'reserved', 'sold')
  if level[1] then
    levels[#levels + 1] = dish
    levels[#levels + 1] = level[1]
    levels[#levels + 1] = level[2]
    levels[#levels + 1] = level[3]
  end
end
return levels
