-- Ends the refresh lease of the app's access_token only if the caller still holds it: a lease that expired and
-- was taken by another instance must not be ended by the one that let it lapse.
-- KEYS[1] the lease key; ARGV[1] the caller's holder id. Returns 1 if ended, else 0.
if redis.call('GET', KEYS[1]) == ARGV[1] then
    return redis.call('DEL', KEYS[1])
end
return 0
