package io.mpauthx.domain;

import com.code_intelligence.jazzer.junit.FuzzTest;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Coverage-guided fuzzing of the token parser (docs/reliability.md). A plain build replays the seeds and saved
 * findings in {@code AccessTokenFuzzTestInputs}; {@code -Pfuzz} runs libFuzzer on it. The parser checks each
 * character once in a hand-written pass; the oracle is the token format written as a regular expression.
 */
class AccessTokenFuzzTest {

    private static final Pattern WELL_FORMED = Pattern.compile(
            "[A-Za-z0-9_-]{1,128}\\.[A-Za-z0-9_-]{1,64}\\.[A-Za-z0-9_-]{43}");

    /** The bytes arrive as UTF-8, as a header or a form field would bring them. */
    @FuzzTest(maxDuration = "60s")
    void parseAnswersExactlyTheWellFormedTokens(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);

        Optional<AccessToken> parsed = AccessToken.parse(text);

        assertThat(parsed.isPresent()).as("parsed").isEqualTo(WELL_FORMED.matcher(text).matches());
        parsed.ifPresent(token -> {
            assertThat(token.value()).isEqualTo(text);
            // the public constructor checks every part again, apart from the parser's single pass
            assertThat(new AccessToken(token.owner(), token.secret())).isEqualTo(token);
        });
    }
}
