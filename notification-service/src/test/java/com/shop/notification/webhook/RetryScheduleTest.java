package com.shop.notification.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The retry schedule with its jitter and the receivers' Retry-After, without Spring. */
class RetryScheduleTest {

	private static final List<Duration> DEFAULT = List.of(Duration.ofSeconds(5), Duration.ofMinutes(5),
			Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10),
			Duration.ofHours(10));

	@Test
	void followsTheScheduleAndEndsAfterItsLastStep() {
		RetrySchedule schedule = new RetrySchedule(DEFAULT, 0, () -> 0.5);
		assertThat(schedule.delayAfter(1, null)).contains(Duration.ofSeconds(5));
		assertThat(schedule.delayAfter(2, null)).contains(Duration.ofMinutes(5));
		assertThat(schedule.delayAfter(7, null)).contains(Duration.ofHours(10));
		assertThat(schedule.delayAfter(8, null)).isEmpty();
	}

	@Test
	void jitterStaysWithinItsBoundsAndSpreadsRetries() {
		Random random = new Random(42);
		RetrySchedule schedule = new RetrySchedule(DEFAULT, 0.2, random::nextDouble);
		List<Long> delays = random.ints(2000)
			.mapToObj((ignored) -> schedule.delayAfter(2, null).orElseThrow().toMillis())
			.toList();
		assertThat(delays).allSatisfy((millis) -> assertThat(millis).isBetween(240_000L, 360_000L));
		assertThat(delays.stream().mapToLong(Long::longValue).min().getAsLong()).isLessThan(250_000L);
		assertThat(delays.stream().mapToLong(Long::longValue).max().getAsLong()).isGreaterThan(350_000L);
		assertThat(new RetrySchedule(DEFAULT, 0.2, () -> 0.0).delayAfter(1, null)).contains(Duration.ofSeconds(4));
		assertThat(new RetrySchedule(DEFAULT, 0.2, () -> 1.0).delayAfter(1, null)).contains(Duration.ofSeconds(6));
	}

	@Test
	void retryAfterDelaysButIsCappedAtTheLongestStep() {
		RetrySchedule schedule = new RetrySchedule(DEFAULT, 0, () -> 0.5);
		assertThat(schedule.delayAfter(1, Duration.ofSeconds(120))).contains(Duration.ofSeconds(120));
		assertThat(schedule.delayAfter(2, Duration.ofSeconds(1))).contains(Duration.ofMinutes(5));
		assertThat(schedule.delayAfter(1, Duration.ofDays(3))).contains(Duration.ofHours(10));
	}

	@Test
	void retryAfterIsReadAsSecondsOrHttpDate() {
		Instant now = Instant.parse("2025-03-01T10:00:00Z");
		assertThat(DeliverySender.retryAfter("30", now)).isEqualTo(Duration.ofSeconds(30));
		assertThat(DeliverySender.retryAfter("Sat, 01 Mar 2025 10:02:00 GMT", now)).isEqualTo(Duration.ofMinutes(2));
		assertThat(DeliverySender.retryAfter("Sat, 01 Mar 2025 09:00:00 GMT", now)).isEqualTo(Duration.ZERO);
		assertThat(DeliverySender.retryAfter("soon", now)).isNull();
	}

}
