package io.mpauthx.adapter.wechat;

import io.mpauthx.domain.Identifiers;
import io.mpauthx.domain.MpAuthXException;
import io.mpauthx.domain.StatusCode;
import io.mpauthx.domain.WeChatSession;
import org.junit.jupiter.api.Test;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

/** Whatever jscode2session answers, the reader returns a usable session or refuses with a status code. */
class Jscode2SessionAnswerProperties {

    static final Set<StatusCode> ANSWER_CODES = EnumSet.of(StatusCode.HTTP_ERROR, StatusCode.RESPONSE_IS_NULL,
            StatusCode.JSON_PARSED_ERROR, StatusCode.SESSION_KEY_AND_OPENID_REQUEST_ERROR);
    static final String CODE = "code-4b1d";
    static final String SECRET = "s3cret-app";

    @Test
    void anyAnswerIsAUsableSessionOrAStatusCode() {
        qt().withExamples(10_000).forAll(answerStatuses(), jscode2sessionAnswers())
                .checkAssert((status, body) -> assertSessionOrAnswerCode(status, body.getBytes(StandardCharsets.UTF_8)));
    }

    /** The reader's contract, shared with {@link Jscode2SessionAnswerFuzzTest}: anything else escapes as a failure. */
    static void assertSessionOrAnswerCode(int status, byte[] body) {
        try {
            assertUsable(Jscode2SessionAnswer.read(status, body, CODE, SECRET));
        } catch (MpAuthXException refused) {
            assertThat(refused.statusCode()).isIn(ANSWER_CODES);
            assertThat(refused.getMessage()).doesNotContain(CODE, SECRET);
        }
    }

    static void assertUsable(WeChatSession session) {
        assertThat(Identifiers.isValidUserId(session.openId())).isTrue();
        session.unionId().ifPresent(unionId -> assertThat(Identifiers.isValidUserId(unionId)).isTrue());
        assertThat(session.sessionKey()).isNotEmpty();
    }

    /** @return mostly 200; never 1xx, which are interim answers after which a client rightly waits for the final one */
    static Gen<Integer> answerStatuses() {
        return Generate.frequency(Pair.of(8, Generate.constant(200)), Pair.of(2, Generate.range(200, 599)));
    }

    /** @return answers with WeChat's fields, some valid, some echoing the code and the secret in errmsg */
    static Gen<String> jscode2sessionAnswers() {
        Gen<String> plausible = Generate.pick(List.of("o-alice", "u-alice", "AAECAwQFBgcICQoLDA0ODw==", "ok",
                "invalid code " + CODE, "bad secret " + SECRET + ", rid: 1", "o.with.dots", ""));
        return ArbitraryJson.answers(List.of("openid", "session_key", "unionid", "errcode", "errmsg"), plausible);
    }
}
