package io.mpauthx.adapter.wechat;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided fuzzing of the jscode2session answer reader (docs/reliability.md): any body of a 200 answer is a
 * usable session or a status code whose message echoes neither the code nor the secret. A plain build replays the seeds
 * and saved findings in {@code Jscode2SessionAnswerFuzzTestInputs}; {@code -Pfuzz} runs libFuzzer on it.
 */
class Jscode2SessionAnswerFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void anyBodyIsAUsableSessionOrAStatusCode(byte[] body) {
        Jscode2SessionAnswerProperties.assertSessionOrAnswerCode(200, body);
    }
}
