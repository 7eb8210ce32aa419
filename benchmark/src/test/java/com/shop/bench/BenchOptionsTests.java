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
		assertThat(options.rate()).isEqualTo(500);
		assertThat(options.placementRate()).isEqualTo(2000);
		assertThat(options.phases()).containsExactlyInAnyOrder(Phase.values());
		assertThat(options.ramp().rates()).startsWith(10, 15, 23, 34, 51).last().isEqualTo(2919);
		assertThat(options.out()).isEqualTo(Path.of("/shop/bench-results/20261130-050007"));
	}

	@Test
	void readsRatesDurationsRampAndPhases() {
		BenchOptions options = BenchOptions.parse(List.of("--rate", "800", "--duration", "2m", "--warmup", "500ms",
				"--ramp", "100:1000:300", "--only", "e2e,ramp", "--out", "x"), Path.of("/shop"), NOW);
		assertThat(options.rate()).isEqualTo(800);
		assertThat(options.duration()).isEqualTo(Duration.ofMinutes(2));
		assertThat(options.warmup()).isEqualTo(Duration.ofMillis(500));
		assertThat(options.ramp().rates()).containsExactly(100, 400, 700, 1000);
		assertThat(options.phases()).containsExactlyInAnyOrder(Phase.E2E, Phase.RAMP);
		assertThat(options.out()).isEqualTo(Path.of("x"));
	}

	@Test
	void refusesWhatItCannotRun() {
		assertThatExceptionOfType(BenchOptions.UsageException.class)
			.isThrownBy(() -> BenchOptions.parse(List.of("--rate", "-5"), Path.of("."), NOW));
		assertThatExceptionOfType(BenchOptions.UsageException.class)
			.isThrownBy(() -> BenchOptions.parse(List.of("--ramp", "500:100:50"), Path.of("."), NOW));
		assertThatExceptionOfType(BenchOptions.UsageException.class)
			.isThrownBy(() -> BenchOptions.parse(List.of("--bogus", "1"), Path.of("."), NOW));
	}

}
