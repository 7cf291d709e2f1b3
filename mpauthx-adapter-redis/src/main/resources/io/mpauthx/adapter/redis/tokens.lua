-- Shared by every write and listing script of RedisTokenStore; prepended to each script's own text when loaded.
--
-- An owner (sku + user) has exactly one key, KEYS[1] = mpauthx:{<sku>:<userId>}, a hash:
--   field  the 32 raw bytes of the token's hash (SHA-256 of its secret; never the token itself)
--   value  the token's issue time and expiry, microseconds of Redis's clock, as two little-endian doubles,
--          followed by the device label's UTF-8 bytes when the login named a device
-- The key's TTL follows its longest-living token. A token is live while its field exists and TIME is before its
-- expiry. There is no other key of an owner, so what Redis evicts is a logged-out owner: no token can outlive the
-- record that revocation, refresh and the device cap work on.
--
-- Time is always Redis's own (TIME), so the clocks of many application instances never disagree about expiry.
-- Microseconds stay exact in a double (Lua's number) until the year 2255.

local function now_micros()
    local time = redis.call('TIME')
    return tonumber(time[1]) * 1000000 + tonumber(time[2])
end

local function entry(issued, expires, label)
    return struct.pack('<dd', issued, expires) .. label
end

-- Lua would print big numbers with 14 significant digits; Redis must get every digit.
local function digits(number)
    return string.format('%.0f', number)
end

-- The owner's tokens still live at `now`, as { hash, issued, expires, label }, oldest first (equal times by hash,
-- so the order is the same on every run). With drop_expired, the expired ones are deleted on the way.
local function live_tokens(key, now, drop_expired)
    local flat = redis.call('HGETALL', key)
    local live, expired = {}, {}
    for i = 1, #flat, 2 do
        local issued, expires, label_at = struct.unpack('<dd', flat[i + 1])
        if expires > now then
            live[#live + 1] = { flat[i], issued, expires, string.sub(flat[i + 1], label_at) }
        else
            expired[#expired + 1] = flat[i]
        end
    end
    if drop_expired and #expired > 0 then
        redis.call('HDEL', key, unpack(expired))
    end
    table.sort(live, function(a, b)
        if a[2] ~= b[2] then
            return a[2] < b[2]
        end
        return a[1] < b[1]
    end)
    return live
end

-- The key lives until its longest-living token expires (rounded up to Redis's milliseconds), and no longer; an
-- owner without live tokens has no key at all.
local function follow_longest_token(key, live)
    local longest = 0
    for _, token in ipairs(live) do
        longest = math.max(longest, token[3])
    end
    if longest == 0 then
        redis.call('DEL', key)
    else
        redis.call('PEXPIREAT', key, digits(math.ceil(longest / 1000)))
    end
end

local function store(key, hash, now, ttl_micros, label, live)
    local expires = now + ttl_micros
    redis.call('HSET', key, hash, entry(now, expires, label))
    live[#live + 1] = { hash, now, expires, label }
    follow_longest_token(key, live)
    return { now, expires }
end
