package io.mpauthx.server;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * The service keys callers present. Kept only as SHA-256 digests and compared in constant time against every key
 * (no early exit), so neither the timing nor a heap dump tells a key.
 */
final class ServiceKeys {

    private final List<byte[]> digests;

    ServiceKeys(List<String> keys) {
        this.digests = keys.stream().map(ServiceKeys::sha256).toList();
    }

    /**
     * @param presented the key a request carries; null when it carries none
     * @return true when it is one of the configured keys
     */
    boolean accepts(String presented) {
        if (presented == null || presented.isEmpty()) {
            return false;
        }
        byte[] digest = sha256(presented);
        boolean accepted = false;
        for (byte[] key : digests) {
            accepted |= MessageDigest.isEqual(key, digest);
        }
        return accepted;
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException missing) {
            throw new IllegalStateException("every JDK has SHA-256", missing);
        }
    }

    @Override
    public String toString() {
        return "ServiceKeys[" + digests.size() + " keys]";
    }
}
