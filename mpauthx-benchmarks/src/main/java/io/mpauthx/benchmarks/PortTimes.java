package io.mpauthx.benchmarks;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/** Wall time spent inside each outgoing port, summed over all callers, next to the time of the whole calls. */
final class PortTimes {

    /** What is timed: the four ports, and the use-case calls that contain them. */
    enum Part {
        TOKEN_STORE("TokenStore (Redis)"),
        USER_REPOSITORY("UserRepository (SQLite)"),
        WECHAT_GATEWAY("WeChatGateway (HTTP sandbox)"),
        DECRYPTOR("Decryptor (AES)"),
        WHOLE_CALL("whole authorize calls");

        private final String label;

        Part(String label) {
            this.label = label;
        }
    }

    private final Map<Part, LongAdder> nanos = new EnumMap<>(Part.class);

    PortTimes() {
        for (Part part : Part.values()) {
            nanos.put(part, new LongAdder());
        }
    }

    <T> T time(Part part, Supplier<T> call) {
        long start = System.nanoTime();
        try {
            return call.get();
        } finally {
            nanos.get(part).add(System.nanoTime() - start);
        }
    }

    void time(Part part, Runnable call) {
        time(part, () -> {
            call.run();
            return null;
        });
    }

    /** @return e.g. {@code TokenStore (Redis) 21%, ..., outside the ports 12%} of the whole calls' time */
    String shares() {
        double whole = nanos.get(Part.WHOLE_CALL).sum();
        StringBuilder text = new StringBuilder();
        long inPorts = 0;
        for (Part part : Part.values()) {
            if (part != Part.WHOLE_CALL) {
                long spent = nanos.get(part).sum();
                inPorts += spent;
                text.append(String.format(Locale.ROOT, "%s %.0f%%, ", part.label, 100 * spent / whole));
            }
        }
        return text.append(String.format(Locale.ROOT, "outside the ports %.0f%%", 100 * (whole - inPorts) / whole))
                .toString();
    }
}
