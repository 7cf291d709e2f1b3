-- Lists the owner's live tokens without writing (expired members are skipped, pruned by the next write).
-- KEYS[1] index; ARGV[1] token key prefix.
-- Returns a flat list: hash, issued at, expires at (microseconds), ... in order of expiry.
local index, token_prefix = KEYS[1], ARGV[1]
local entries = redis.call('ZRANGEBYSCORE', index, digits(first_live_score(now_micros())), '+inf', 'WITHSCORES')
local live = {}
for i = 1, #entries, 2 do
    local issued = redis.call('GET', token_key(token_prefix, entries[i]))
    if issued then
        live[#live + 1] = entries[i]
        live[#live + 1] = issued
        live[#live + 1] = entries[i + 1]
    end
end
return live
