-- Revokes one token. KEYS[1] index, KEYS[2] the token's key; ARGV[1] token key prefix, ARGV[2] hash.
-- Returns 1 if the token was live, else 0.
local index, token_prefix = KEYS[1], ARGV[1]
local revoked = redis.call('DEL', KEYS[2])
redis.call('ZREM', index, ARGV[2])
prune(index, token_prefix, now_micros())
follow_longest_token(index)
return revoked
