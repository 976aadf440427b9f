-- Try: hold every limited line of one order, or none.
-- KEYS[1]       the order's hold hash           {prefix}:{store}:hold:{order}
-- KEYS[2..n+1]  the stock hash of each dish      {prefix}:{store}:stock:{dish}  (distinct, sorted by dish id)
-- KEYS[n+2]     only when ARGV[2] is set: the order index {prefix}:order:{order}
-- ARGV[1] the payment deadline (Unix ms); ARGV[2] the store id to claim the order index for, or '' when the caller
-- has claimed it already; ARGV[3] the index lifetime (s); ARGV[4..n+3] the quantities; ARGV[n+4..2n+3] the dish ids
-- Returns {'barred'} | {'soldout', dish...} | {'held', dish, qty, dish, qty...}
--
-- Atomicity: Redis runs a script alone, so the idempotency check, the availability check of every line and all the
-- decrements happen with no other command in between. No other order can take the last portion between "enough?"
-- and "take it", and an order never holds some lines without the others. The store's keys share its hash tag, so
-- on a cluster they live on one slot. The order index has no tag: on a cluster the caller claims it first (SET NX
-- GET) and passes ARGV[2] = ''; on a single node the claim is made here, in the same atomic step.
local n = #KEYS - 1
if ARGV[2] ~= '' then
  n = n - 1
  local owner = redis.call('SET', KEYS[n + 2], ARGV[2], 'NX', 'GET', 'EX', ARGV[3])
  if owner == '!' then
    return {'barred'}
  end
  if owner and owner ~= ARGV[2] then
    return redis.error_reply('order already tried in store ' .. owner)
  end
end

local state = redis.call('HGET', KEYS[1], 'state')
if state then
  -- A retried Try (same order id) returns what the first one held; a Cancel that came first left a barrier.
  if state == 'released' then
    return {'barred'}
  end
  local held = {'held'}
  local fields = redis.call('HGETALL', KEYS[1])
  for i = 1, #fields, 2 do
    if string.sub(fields[i], 1, 2) == 'd:' then
      held[#held + 1] = string.sub(fields[i], 3)
      held[#held + 1] = fields[i + 1]
    end
  end
  return held
end

local limited = {}
local short = {'soldout'}
for i = 1, n do
  -- A dish is limited iff its stock hash exists; unlimited dishes are ignored.
  local available = redis.call('HGET', KEYS[i + 1], 'available')
  if available then
    limited[#limited + 1] = i
    if tonumber(available) < tonumber(ARGV[i + 3]) then
      short[#short + 1] = ARGV[n + 3 + i]
    end
  end
end
-- Every short dish is named, and nothing has been written yet, so "all or nothing" needs no undo.
if #short > 1 then
  return short
end

local held = {'held'}
if #limited == 0 then
  return held
end
local hold = {'state', 'held', 'deadline', ARGV[1]}
for _, i in ipairs(limited) do
  local quantity = ARGV[i + 3]
  redis.call('HINCRBY', KEYS[i + 1], 'available', -tonumber(quantity))
  redis.call('HINCRBY', KEYS[i + 1], 'reserved', quantity)
  hold[#hold + 1] = 'd:' .. ARGV[n + 3 + i]
  hold[#hold + 1] = quantity
  held[#held + 1] = ARGV[n + 3 + i]
  held[#held + 1] = quantity
end
redis.call('HSET', KEYS[1], unpack(hold))
return held
