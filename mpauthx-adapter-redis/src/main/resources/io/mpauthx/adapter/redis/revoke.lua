-- Revokes one token. KEYS[1] index, KEYS[2] the token's key; ARGV[1] hash.
-- Returns 1 if the token was live, else 0.
local index = KEYS[1]
local revoked = redis.call('DEL', KEYS[2])
redis.call('ZREM', index, ARGV[1])
prune(index, now_micros())
follow_longest_token(index)
return revoked
