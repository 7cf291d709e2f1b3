package io.mpauthx.domain.testing;

import io.mpauthx.domain.MpAuthXException;
import io.mpauthx.domain.StatusCode;
import io.mpauthx.domain.WeChatSession;
import io.mpauthx.domain.port.out.WeChatGateway;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** A hand-written jscode2session for use-case tests: one-time codes, 40029 for unknown and 40163 for reused codes. */
public final class FakeWeChatGateway implements WeChatGateway {

    private final Map<String, WeChatSession> pending = new ConcurrentHashMap<>();
    private final Set<String> used = ConcurrentHashMap.newKeySet();
    private final AtomicInteger sequence = new AtomicInteger();

    /**
     * @param openId the openid WeChat will answer
     * @param unionId the unionid WeChat will answer, or null for none
     * @return a fresh one-time code for that identity
     */
    public String newCode(String openId, String unionId) {
        String code = "code-" + sequence.incrementAndGet();
        pending.put(code, new WeChatSession(openId, "c2Vzc2lvbmtleTEyMzQ1Ng==", Optional.ofNullable(unionId)));
        return code;
    }

    @Override
    public WeChatSession exchangeCode(String jsCode) {
        WeChatSession session = pending.remove(jsCode);
        if (session != null) {
            used.add(jsCode);
            return session;
        }
        int errcode = used.contains(jsCode) ? 40163 : 40029;
        throw MpAuthXException.fromWeChat(StatusCode.SESSION_KEY_AND_OPENID_REQUEST_ERROR, errcode,
                errcode == 40163 ? "code been used" : "invalid code");
    }
}
