-- Revokes every token of the owner and issues one, in one step (refreshToken). KEYS[1] the owner's key;
-- ARGV[1] the new hash's raw bytes, ARGV[2] TTL in microseconds, ARGV[3] the device label (UTF-8, empty for none).
-- Returns { issued at, expires at } in microseconds.
redis.call('DEL', KEYS[1])
return store(KEYS[1], ARGV[1], now_micros(), tonumber(ARGV[2]), ARGV[3], {})
