-- Issues a token under the device cap.
-- KEYS[1] index, KEYS[2] the new token's key; ARGV[1] token key prefix, ARGV[2] hash, ARGV[3] TTL in
-- microseconds, ARGV[4] cap. Returns { issued at, expires at } in microseconds.
-- Expired entries are dropped before the cap counts; then the tokens nearest their end make room.
local index, token_prefix, hash = KEYS[1], ARGV[1], ARGV[2]
local ttl_micros, cap = tonumber(ARGV[3]), tonumber(ARGV[4])
local now = now_micros()
prune(index, token_prefix, now)
local surplus = redis.call('ZCARD', index) - cap + 1
if surplus > 0 then
    for _, old in ipairs(redis.call('ZRANGE', index, 0, surplus - 1)) do
        redis.call('DEL', token_key(token_prefix, old))
    end
    redis.call('ZREMRANGEBYRANK', index, 0, surplus - 1)
end
local stamped = store(index, token_prefix, hash, now, ttl_micros)
follow_longest_token(index)
return stamped
