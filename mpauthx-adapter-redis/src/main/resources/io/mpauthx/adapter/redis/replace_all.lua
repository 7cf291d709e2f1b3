-- Revokes every token of the owner and issues one, in one step (refreshToken).
-- KEYS[1] index, KEYS[2] the new token's key; ARGV[1] token key prefix, ARGV[2] hash, ARGV[3] TTL in
-- microseconds. Returns { issued at, expires at } in microseconds.
local index, token_prefix, hash = KEYS[1], ARGV[1], ARGV[2]
local now = now_micros()
revoke_all(index, token_prefix)
local stamped = store(index, token_prefix, hash, now, tonumber(ARGV[3]))
follow_longest_token(index)
return stamped
