package io.mpauthx.domain.testing;

import io.mpauthx.domain.MpAuthXException;
import io.mpauthx.domain.StatusCode;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Asserts that a call fails the one documented way: {@link MpAuthXException} with a given status code. */
public final class Failures {

    private Failures() {
    }

    /**
     * @param code the status code the failure must carry
     * @param call what must fail
     * @return the failure, for further assertions (message, WeChat errcode)
     */
    public static MpAuthXException assertFailsWith(StatusCode code, ThrowingCallable call) {
        MpAuthXException failure = catchThrowableOfType(MpAuthXException.class, call);
        assertThat(failure).as("expected MpAuthXException %s", code).isNotNull();
        assertThat(failure.statusCode()).as(failure.getMessage()).isEqualTo(code);
        return failure;
    }
}
