package io.mpauthx.bootstrap;

import com.google.inject.ConfigurationException;
import com.google.inject.CreationException;
import com.google.inject.ProvisionException;
import com.google.inject.spi.Message;
import io.mpauthx.domain.MpAuthXException;
import io.mpauthx.domain.StatusCode;

import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/** What a failed Guice wiring of {@link MpAuthX} tells its caller: Guice's exceptions never escape. */
final class WiringFailures {

    private WiringFailures() {
    }

    /**
     * @param failure a {@code CreationException}, {@code ConfigurationException} or {@code ProvisionException}
     * @return the {@link MpAuthXException} an adapter or provider threw; else 6001 naming Guice's complaints when
     *     only bindings are wrong (nothing threw); else 9999, logged once
     */
    static MpAuthXException asMpAuthXException(RuntimeException failure) {
        Collection<Message> messages = errorMessages(failure);
        for (Message message : messages) {
            for (Throwable cause = message.getCause(); cause != null; cause = cause.getCause()) {
                if (cause instanceof MpAuthXException thrown) {
                    return thrown;
                }
            }
        }
        if (messages.stream().allMatch(message -> message.getCause() == null)) {
            return new MpAuthXException(StatusCode.REQUIRED_PARAMS_MISSING_ERROR, "invalid MpAuthX wiring: "
                    + messages.stream().map(Message::getMessage).collect(Collectors.joining("; ")), failure);
        }
        return FacadeFailures.asMpAuthXException(failure);
    }

    private static Collection<Message> errorMessages(RuntimeException failure) {
        if (failure instanceof CreationException creation) {
            return creation.getErrorMessages();
        }
        if (failure instanceof ConfigurationException configuration) {
            return configuration.getErrorMessages();
        }
        return failure instanceof ProvisionException provision ? provision.getErrorMessages() : List.of();
    }
}
