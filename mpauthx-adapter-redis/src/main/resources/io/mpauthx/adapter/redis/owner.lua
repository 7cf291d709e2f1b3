-- Shared by every script of RedisTokenStore; prepended to each script's own text when it is loaded.
--
-- Keys of one owner (all share the hash tag {<sku>:<userId>}):
--   KEYS[1]            the index: sorted set, member = token hash, score = expiry in microseconds (server time)
--   ARGV[1] .. hash:sub(1, 22)
--                      a token: string holding its issue time in microseconds, key TTL = its lifetime
--
-- Time is always Redis's own (TIME), so the clocks of many application instances never disagree about expiry.

local function now_micros()
    local time = redis.call('TIME')
    return tonumber(time[1]) * 1000000 + tonumber(time[2])
end

-- A token's key names the first 22 characters (132 bits) of its SHA-256: as unguessable as ever for a lookup,
-- and the key fits a smaller allocation. The index keeps the whole hash. Same as OwnerKeys.KEY_HASH_LENGTH.
local function token_key(token_prefix, hash)
    return token_prefix .. string.sub(hash, 1, 22)
end

-- Lua would print big numbers with 14 significant digits; Redis must get every digit.
local function digits(number)
    return string.format('%.0f', number)
end

-- Redis drops a key once the millisecond of its PXAT has passed. A token's key gets the millisecond before the
-- one its expiry falls in, so the key is gone by the expiry the caller was told (up to 1 ms early, never late).
local function key_expiry_millis(expires)
    return math.floor(expires / 1000) - 1
end

-- Every index member scored below this has lost its key by now; every member at or above it still has one.
local function first_live_score(now)
    return (math.floor(now / 1000) + 1) * 1000
end

-- Drops the members of expired tokens (their keys too, should Redis not have reclaimed them yet), so the index
-- and the keys stay in step.
local function prune(index, token_prefix, now)
    local bound = '(' .. digits(first_live_score(now))
    for _, hash in ipairs(redis.call('ZRANGEBYSCORE', index, '-inf', bound)) do
        redis.call('DEL', token_key(token_prefix, hash))
    end
    redis.call('ZREMRANGEBYSCORE', index, '-inf', bound)
end

-- Deletes every token the index names; the count is of keys that still existed, i.e. of live tokens.
local function revoke_all(index, token_prefix)
    local revoked = 0
    for _, hash in ipairs(redis.call('ZRANGE', index, 0, -1)) do
        revoked = revoked + redis.call('DEL', token_key(token_prefix, hash))
    end
    redis.call('DEL', index)
    return revoked
end

local function store(index, token_prefix, hash, now, ttl_micros)
    local expires = now + ttl_micros
    redis.call('SET', token_key(token_prefix, hash), digits(now), 'PXAT', digits(key_expiry_millis(expires)))
    redis.call('ZADD', index, digits(expires), hash)
    return { now, expires }
end

-- The index lives as long as its longest-living token (and a millisecond), so nothing of an owner outlives the
-- owner's tokens.
local function follow_longest_token(index)
    local last = redis.call('ZRANGE', index, -1, -1, 'WITHSCORES')
    if #last == 0 then
        redis.call('DEL', index)
    else
        redis.call('PEXPIREAT', index, digits(key_expiry_millis(tonumber(last[2])) + 1))
    end
end
