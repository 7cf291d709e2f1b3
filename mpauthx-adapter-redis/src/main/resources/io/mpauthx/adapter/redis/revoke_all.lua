-- Revokes every token of the owner. KEYS[1] the owner's key. Returns how many were live.
local live = live_tokens(KEYS[1], now_micros(), false)
redis.call('DEL', KEYS[1])
return #live
