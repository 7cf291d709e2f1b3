-- Revokes every token of the owner. KEYS[1] index; ARGV[1] token key prefix. Returns how many were live.
return revoke_all(KEYS[1], ARGV[1])
