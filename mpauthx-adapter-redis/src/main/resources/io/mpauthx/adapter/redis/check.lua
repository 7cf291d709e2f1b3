-- The hot path: is one token live? KEYS[1] the owner's key; ARGV[1] the token hash's 32 raw bytes.
-- Returns the token's remaining lifetime in whole milliseconds (0 in its last millisecond), or -2 when it is not
-- live. Standalone (tokens.lua is not prepended), so a check defines no functions and allocates next to nothing.
local value = redis.call('HGET', KEYS[1], ARGV[1])
if not value then
    return -2
end
local _, expires = struct.unpack('<dd', value)
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000000 + tonumber(time[2])
if expires <= now then
    return -2
end
return math.floor((expires - now) / 1000)
