package io.mpauthx.benchmarks;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RedisBenchmarkTest {

    @Test
    void readsThroughputAndLatenciesFromRedis7Csv() {
        RedisBenchmark.Result result = RedisBenchmark.parse("""
                "test","rps","avg_latency_ms","min_latency_ms","p50_latency_ms","p95_latency_ms","p99_latency_ms","max_latency_ms"
                "GET","60790.27","0.711","0.040","0.271","3.663","6.951","9.543"
                """);

        assertThat(result.requestsPerSecond()).isEqualTo(60790.27);
        assertThat(result.p50Micros()).isEqualTo(271.0);
        assertThat(result.p99Micros()).isEqualTo(6951.0);
    }

    @Test
    void readsThroughputAloneFromRedis6CsvAndRefusesOutputWithoutAGetLine() {
        assertThat(RedisBenchmark.parse("\"GET\",\"55000.00\"\n").p50Micros()).isNaN();
        assertThatThrownBy(() -> RedisBenchmark.parse("Could not connect to Redis at 127.0.0.1:1"))
                .hasMessageContaining("printed no GET line");
    }
}
