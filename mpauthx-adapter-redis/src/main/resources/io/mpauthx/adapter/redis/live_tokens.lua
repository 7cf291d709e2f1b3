-- Lists the owner's live tokens without writing (expired ones are skipped, dropped by the next write).
-- KEYS[1] the owner's key. Returns a flat list, oldest first: hash (raw bytes), issued at, expires at
-- (microseconds), device label (UTF-8, empty for none), ...
local flat = {}
for _, token in ipairs(live_tokens(KEYS[1], now_micros(), false)) do
    flat[#flat + 1] = token[1]
    flat[#flat + 1] = token[2]
    flat[#flat + 1] = token[3]
    flat[#flat + 1] = token[4]
end
return flat
