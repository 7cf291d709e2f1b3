package io.mpauthx.adapter.redis;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads {@code maxmemory-policy} when the store starts and warns, once, when Redis may evict the store's keys.
 * Eviction never makes a revoked token valid (an owner's tokens are one key), but every user whose key Redis evicts
 * is logged out. Managed services often forbid {@code CONFIG}; then nothing can be read and nothing is said beyond
 * a debug line.
 */
final class EvictionPolicyCheck {

    private static final Logger LOG = LoggerFactory.getLogger(EvictionPolicyCheck.class);
    /** The policies that never evict a key without a TTL, or evict only those nearest their end. */
    private static final Set<String> SAFE = Set.of("noeviction", "volatile-ttl");

    private EvictionPolicyCheck() {
    }

    /** @return the nodes whose policy may evict users, by node, after logging the one WARN about them */
    static Map<String, String> warnIfEvicting(LettuceConnection connection) {
        Map<String, String> evicting = new TreeMap<>();
        try {
            connection.configOnEveryPrimary("maxmemory-policy").forEach((node, policy) -> {
                if (policy != null && !SAFE.contains(policy)) {
                    evicting.put(node, policy);
                }
            });
        } catch (RuntimeException refused) {
            LOG.debug("cannot read Redis's maxmemory-policy ({}); eviction is not checked", refused.toString());
            return Map.of();
        }
        if (!evicting.isEmpty()) {
            LOG.warn("Redis may evict keys under maxmemory (maxmemory-policy {}): every user whose key it evicts is "
                    + "logged out and must log in again; a revoked token never becomes valid. Set maxmemory-policy "
                    + "to noeviction (or volatile-ttl, which evicts the tokens nearest their end first) and size "
                    + "maxmemory for the live tokens", evicting);
        }
        return evicting;
    }
}
