-- Seed: bring one store in line with storage at start-up, creating only what Redis does not have yet.
-- KEYS[1] the store's set of limited dish ids; KEYS[2] the store's set of confirmed order ids
-- ARGV[1] stock key prefix; ARGV[2] hold key prefix; ARGV[3] barrier lifetime (s); ARGV[4] T, the number of totals;
-- then T pairs (dish, total); then per persisted hold: order id, state, deadline, L, and L pairs (dish, quantity).
-- Returns the number of dishes and holds created.
--
-- Redis may already be the live authority (another instance started first and has taken holds since): its
-- counters and holds are newer than storage's, so they are never overwritten. A dish is seeded only if its stock
-- key is absent; a persisted hold is adopted only if its hold key is absent and none of its dishes already live in
-- Redis (otherwise its portions would be counted twice, or released from counters that never included them).
-- Adopted holds count toward the new dishes' reserved and sold. One script per store makes the check and the
-- creation one step, so two instances starting together cannot both seed.
local stockPrefix, holdPrefix, ttl = ARGV[1], ARGV[2], ARGV[3]
local totals, live = {}, {}
local t = tonumber(ARGV[4])
local at = 5
for _ = 1, t do
  local dish, total = ARGV[at], tonumber(ARGV[at + 1])
  if redis.call('EXISTS', stockPrefix .. dish) == 1 then
    live[dish] = true
  else
    totals[dish] = total
  end
  at = at + 2
end

local holds = {}
while at <= #ARGV do
  local hold = {order = ARGV[at], state = ARGV[at + 1], deadline = ARGV[at + 2], lines = {}}
  local count = tonumber(ARGV[at + 3])
  at = at + 4
  local adoptable = redis.call('EXISTS', holdPrefix .. hold.order) == 0
  for _ = 1, count do
    local dish, quantity = ARGV[at], tonumber(ARGV[at + 1])
    at = at + 2
    if live[dish] or (totals[dish] == nil and redis.call('EXISTS', stockPrefix .. dish) == 1) then
      adoptable = false
    elseif totals[dish] ~= nil then
      hold.lines[#hold.lines + 1] = {dish, quantity}
    end
  end
  if adoptable then
    holds[#holds + 1] = hold
  end
end

local counted = {}
for _, hold in ipairs(holds) do
  for _, line in ipairs(hold.lines) do
    local c = counted[line[1]] or {0, 0}
    if hold.state == 'held' then c[1] = c[1] + line[2] end
    if hold.state == 'confirmed' then c[2] = c[2] + line[2] end
    counted[line[1]] = c
  end
end

local created = 0
for dish, total in pairs(totals) do
  local c = counted[dish] or {0, 0}
  -- If staff lowered the total below what orders account for, never go negative: the orders win.
  redis.call('HSET', stockPrefix .. dish, 'available', math.max(0, total - c[1] - c[2]), 'reserved', c[1], 'sold', c[2])
  redis.call('SADD', KEYS[1], dish)
  created = created + 1
end
for _, hold in ipairs(holds) do
  local fields = {'state', hold.state, 'deadline', hold.deadline}
  for _, line in ipairs(hold.lines) do
    fields[#fields + 1] = 'd:' .. line[1]
    fields[#fields + 1] = line[2]
  end
  redis.call('HSET', holdPrefix .. hold.order, unpack(fields))
  if hold.state == 'confirmed' then redis.call('SADD', KEYS[2], hold.order) end
  if hold.state == 'released' then redis.call('EXPIRE', holdPrefix .. hold.order, ttl) end
  created = created + 1
end
return created
