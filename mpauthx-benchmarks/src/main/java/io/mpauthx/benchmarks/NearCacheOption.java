package io.mpauthx.benchmarks;

import io.mpauthx.bootstrap.MpAuthXBuilder;

import java.util.Arrays;
import java.util.Optional;

/**
 * The near cache of {@code isTokenValid}, which the builder does not have yet: its figure reads n/a until it does.
 * Once {@code MpAuthXBuilder.nearCache(NearCacheSettings)} exists, make {@link #enable} return
 * {@code Optional.of(builder.nearCache(<default settings>))}.
 */
final class NearCacheOption {

    private NearCacheOption() {
    }

    /**
     * @param builder a builder with everything else set
     * @return the builder with the near cache on, or empty while the benchmark cannot turn it on
     */
    static Optional<MpAuthXBuilder> enable(MpAuthXBuilder builder) {
        return Optional.empty();
    }

    /** @return why the near-cache figure is not measured */
    static String whyNot() {
        boolean built = Arrays.stream(MpAuthXBuilder.class.getMethods())
                .anyMatch(method -> method.getName().equals("nearCache"));
        return built ? "n/a (near cache built; not yet enabled in NearCacheOption.enable)"
                : "n/a (near cache not built)";
    }
}
