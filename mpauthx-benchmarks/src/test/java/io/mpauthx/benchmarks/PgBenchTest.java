package io.mpauthx.benchmarks;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PgBenchTest {

    @Test
    void readsTheTransactionsPerSecondPgbenchPrints() {
        assertThat(PgBench.parse("""
                number of transactions actually processed: 9120
                latency average = 1.745 ms
                initial connection time = 21.930 ms
                tps = 9168.402311 (without initial connection time)
                """)).isEqualTo(9168.402311);
    }

    @Test
    void refusesOutputWithoutATpsLineOrWithoutTransactions() {
        assertThatThrownBy(() -> PgBench.parse("pgbench: error: connection to server failed"))
                .hasMessageContaining("printed no tps");
        assertThatThrownBy(() -> PgBench.parse("number of transactions actually processed: 0\ntps = 0.000000"))
                .hasMessageContaining("printed no tps");
    }
}
