-- Issues a token under the device cap. KEYS[1] the owner's key; ARGV[1] the hash's raw bytes, ARGV[2] TTL in
-- microseconds, ARGV[3] the cap, ARGV[4] the device label (UTF-8, empty for none). Returns { issued at, expires at }
-- in microseconds.
-- Expired tokens are dropped before the cap counts; then the oldest live tokens make room.
local key, hash = KEYS[1], ARGV[1]
local ttl_micros, cap = tonumber(ARGV[2]), tonumber(ARGV[3])
local now = now_micros()
local live = live_tokens(key, now, true)
local surplus = #live - cap + 1
if surplus > 0 then
    local oldest = {}
    for i = 1, surplus do
        oldest[i] = live[i][1]
    end
    redis.call('HDEL', key, unpack(oldest))
    live = { unpack(live, surplus + 1) }
end
return store(key, hash, now, ttl_micros, ARGV[4], live)
