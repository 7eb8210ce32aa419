package com.shop.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.shop.bench.BenchOptions.Phase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class BenchOptionsTests {

	private static final LocalDateTime NOW = LocalDateTime.of(2026, 11, 30, 5, 0, 7);

	@Test
	void defaultsToTheWholeBenchmark() {
		BenchOptions options = BenchOptions.parse(List.of(), Path.of("/shop"), NOW);
		assertThat(options.clients()).isEqualTo(64);
		assertThat(options.capacityDuration()).isEqualTo(Duration.ofSeconds(60));
		assertThat(options.freshOrders()).isEqualTo(10_000);
		assertThat(options.latencyRates()).containsExactly(20, 300);
		assertThat(options.endToEndP99Bound()).isEqualTo(Duration.ofSeconds(1));
		assertThat(options.phases()).containsExactlyInAnyOrder(Phase.values());
		assertThat(options.ramp().rates()).startsWith(50, 75, 113, 169, 253).last().isEqualTo(2883);
		assertThat(options.out()).isEqualTo(Path.of("/shop/bench-results/20261130-050007"));
	}

	@Test
	void readsRatesDurationsRampAndPhases() {
		BenchOptions options = BenchOptions.parse(
				List.of("--clients", "16", "--capacity-duration", "2m", "--capacity-warmup", "500ms", "--latency-rates",
						"50, 400", "--ramp", "100:1000:300", "--only", "capacity,ramp", "--out", "x"),
				Path.of("/shop"), NOW);
		assertThat(options.clients()).isEqualTo(16);
		assertThat(options.capacityDuration()).isEqualTo(Duration.ofMinutes(2));
		assertThat(options.capacityWarmup()).isEqualTo(Duration.ofMillis(500));
		assertThat(options.latencyRates()).containsExactly(50, 400);
		assertThat(options.ramp().rates()).containsExactly(100, 400, 700, 1000);
		assertThat(options.phases()).containsExactlyInAnyOrder(Phase.CAPACITY, Phase.RAMP);
		assertThat(options.out()).isEqualTo(Path.of("x"));
	}

	@Test
	void refusesWhatItCannotRun() {
		assertThatExceptionOfType(BenchOptions.UsageException.class)
			.isThrownBy(() -> BenchOptions.parse(List.of("--clients", "-5"), Path.of("."), NOW));
		assertThatExceptionOfType(BenchOptions.UsageException.class)
			.isThrownBy(() -> BenchOptions.parse(List.of("--latency-rates", "20,0"), Path.of("."), NOW));
		assertThatExceptionOfType(BenchOptions.UsageException.class)
			.isThrownBy(() -> BenchOptions.parse(List.of("--ramp", "500:100:50"), Path.of("."), NOW));
		assertThatExceptionOfType(BenchOptions.UsageException.class)
			.isThrownBy(() -> BenchOptions.parse(List.of("--bogus", "1"), Path.of("."), NOW));
	}

}
