package io.mpauthx.bootstrap.reliability;

import io.mpauthx.bootstrap.MpAuthX;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every login the library acknowledged, to prove afterwards that none was lost: each user's row must exist, and
 * the user's last acknowledged token must still be valid, unless a refresh of that user failed (it may have
 * revoked the token before failing) or the token expired. Thread-safe.
 */
final class Ledger {

    private final Map<String, String> liveTokens = new ConcurrentHashMap<>();
    private final Map<String, Boolean> uncertain = new ConcurrentHashMap<>();

    /** A login or refresh that returned: this token is owed from now on, whatever failed before. */
    void acknowledged(String userId, String token) {
        liveTokens.put(userId, token);
        uncertain.remove(userId);
    }

    /** A refresh that failed may or may not have replaced the user's tokens: the old one is no longer owed. */
    void refreshFailed(String userId) {
        uncertain.put(userId, true);
    }

    int users() {
        return liveTokens.size();
    }

    /** @return users whose row is missing, plus users whose owed token no longer checks as valid */
    long lost(MpAuthX auth) {
        return liveTokens.entrySet().stream().filter(entry -> isLost(auth, entry.getKey(), entry.getValue())).count();
    }

    private boolean isLost(MpAuthX auth, String userId, String token) {
        if (auth.findUser(userId).isEmpty()) {
            return true;
        }
        return !uncertain.containsKey(userId) && !auth.isTokenValid(token);
    }
}
