-- Revokes the owner's token whose hash begins with the given bytes (its public id: "log out that device").
-- KEYS[1] the owner's key; ARGV[1] the id's raw bytes (the first 9 bytes of a hash). Returns 1 if a live token had
-- that id.
local key, id = KEYS[1], ARGV[1]
local now = now_micros()
local revoked = 0
for _, token in ipairs(live_tokens(key, now, true)) do
    if string.sub(token[1], 1, #id) == id then
        redis.call('HDEL', key, token[1])
        revoked = 1
    end
end
follow_longest_token(key, live_tokens(key, now, false))
return revoked
