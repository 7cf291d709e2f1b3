package io.mpauthx.testkit.wechat;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The sandbox's one-time codes: issued by {@code newLogin}, redeemed once by jscode2session. */
final class SandboxLogins {

    /** What jscode2session answers for a redeemed code. */
    record Redeemed(SandboxUser user, String sessionKey) {
    }

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Redeemed> pending = new ConcurrentHashMap<>();
    private final Set<String> redeemed = ConcurrentHashMap.newKeySet();

    /**
     * @param user who logs in: jscode2session answers their ids
     * @param inData whose data the encryptedData carries (the same user, unless a test wants a mismatch)
     * @param appId the app id of the watermark
     */
    SandboxLogin issue(SandboxUser user, SandboxUser inData, String appId) {
        // real codes are 32 characters of base64-like text
        String code = Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(24));
        String sessionKey = Base64.getEncoder().encodeToString(randomBytes(16));
        String iv = Base64.getEncoder().encodeToString(randomBytes(16));
        String plaintext = WeChatUserData.plaintext(inData, appId, Instant.now());
        pending.put(code, new Redeemed(user, sessionKey));
        return new SandboxLogin(code, WeChatUserData.encrypt(plaintext, sessionKey, iv), iv, sessionKey);
    }

    Optional<Redeemed> redeem(String code) {
        Redeemed login = pending.remove(code);
        if (login != null) {
            redeemed.add(code);
        }
        return Optional.ofNullable(login);
    }

    boolean wasRedeemed(String code) {
        return redeemed.contains(code);
    }

    private byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }
}
