package io.mpauthx.adapter.wechat;

import io.mpauthx.domain.Identifiers;
import io.mpauthx.domain.MpAuthXException;
import io.mpauthx.domain.StatusCode;
import io.mpauthx.domain.WeChatSession;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Whatever jscode2session answers, the reader returns a usable session or refuses with a §3 code. */
class Jscode2SessionAnswerProperties {

    static final Set<StatusCode> ANSWER_CODES = EnumSet.of(StatusCode.HTTP_ERROR, StatusCode.RESPONSE_IS_NULL,
            StatusCode.JSON_PARSED_ERROR, StatusCode.SESSION_KEY_AND_OPENID_REQUEST_ERROR);
    static final String CODE = "code-4b1d";
    static final String SECRET = "s3cret-app";

    @Property(tries = 10_000)
    void anyAnswerIsAUsableSessionOrAStatusCode(@ForAll("statuses") int status, @ForAll("answers") String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        MpAuthXException refused = catchThrowableOfType(MpAuthXException.class, () ->
                assertUsable(Jscode2SessionAnswer.read(status, bytes, CODE, SECRET)));

        if (refused != null) {
            assertThat(refused.statusCode()).isIn(ANSWER_CODES);
            assertThat(refused.getMessage()).doesNotContain(CODE, SECRET);
        }
    }

    static void assertUsable(WeChatSession session) {
        assertThat(Identifiers.isValidUserId(session.openId())).isTrue();
        session.unionId().ifPresent(unionId -> assertThat(Identifiers.isValidUserId(unionId)).isTrue());
        assertThat(session.sessionKey()).isNotEmpty();
    }

    @Provide
    Arbitrary<Integer> statuses() {
        return answerStatuses();
    }

    /** @return mostly 200; never 1xx, which are interim answers after which a client rightly waits for the final one */
    static Arbitrary<Integer> answerStatuses() {
        return Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.just(200)),
                Tuple.of(2, Arbitraries.integers().between(200, 599)));
    }

    @Provide
    Arbitrary<String> answers() {
        return jscode2sessionAnswers();
    }

    /** @return answers with WeChat's fields, some valid, some echoing the code and the secret in errmsg */
    static Arbitrary<String> jscode2sessionAnswers() {
        Arbitrary<String> plausible = Arbitraries.of("o-alice", "u-alice", "AAECAwQFBgcICQoLDA0ODw==", "ok",
                "invalid code " + CODE, "bad secret " + SECRET + ", rid: 1", "o.with.dots", "");
        return ArbitraryJson.answers(List.of("openid", "session_key", "unionid", "errcode", "errmsg"), plausible);
    }
}
