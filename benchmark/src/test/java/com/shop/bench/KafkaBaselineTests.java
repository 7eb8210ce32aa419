package com.shop.bench;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class KafkaBaselineTests {

	@Test
	void readsTheSummaryLineNotTheProgressLines() {
		KafkaBaseline.Result result = KafkaBaseline.parse(List.of(
				"582445 records sent, 116489.0 records/sec (33.33 MB/sec), 150.9 ms avg latency, 400.0 ms max latency.",
				"300000 records sent, 116959.064327 records/sec (33.46 MB/sec), 150.93 ms avg latency, 400.00 ms max latency, 130 ms 50th, 300 ms 95th, 380 ms 99th, 398 ms 99.9th."));
		assertThat(result.records()).isEqualTo(300_000);
		assertThat(result.recordsPerSecond()).isEqualTo(116959.064327);
		assertThat(result.megabytesPerSecond()).isEqualTo(33.46);
		assertThat(result.p99LatencyMs()).isEqualTo(380);
	}

	@Test
	void failsWithoutASummary() {
		assertThatIllegalStateException().isThrownBy(() -> KafkaBaseline.parse(List.of("ERROR broker down")));
	}

}
