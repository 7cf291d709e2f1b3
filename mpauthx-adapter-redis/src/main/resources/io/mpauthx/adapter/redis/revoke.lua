-- Revokes one token. KEYS[1] the owner's key; ARGV[1] the hash's raw bytes. Returns 1 if the token was live.
local key, hash = KEYS[1], ARGV[1]
local now = now_micros()
local value = redis.call('HGET', key, hash)
local revoked = 0
if value then
    local _, expires = struct.unpack('<dd', value)
    if expires > now then
        revoked = 1
    end
    redis.call('HDEL', key, hash)
end
follow_longest_token(key, live_tokens(key, now, true))
return revoked
