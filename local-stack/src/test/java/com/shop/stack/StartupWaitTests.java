package com.shop.stack;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class StartupWaitTests {

	@Test
	void waitsTenMinutesByDefaultAndGivesUpOnlyAfterTwoMinutesWithoutProgress() throws StackException {
		Services.StartupWait wait = Services.StartupWait.from(Map.of());

		assertThat(wait.deadline()).isEqualTo(Duration.ofMinutes(10));
		assertThat(wait.stall()).isEqualTo(Duration.ofMinutes(2));
		assertThat(wait.every()).isEqualTo(Duration.ofSeconds(10));
	}

	@Test
	void takesTheDeadlineInSecondsFromTheEnvironment() throws StackException {
		assertThat(Services.StartupWait.from(Map.of("STACK_START_TIMEOUT", " 900 ")).deadline())
			.isEqualTo(Duration.ofMinutes(15));
	}

	@Test
	void refusesADeadlineThatIsNotAPositiveWholeNumberOfSeconds() {
		for (String value : new String[] { "10m", "-5", "0", "1.5" }) {
			assertThatExceptionOfType(StackException.class)
				.isThrownBy(() -> Services.StartupWait.from(Map.of("STACK_START_TIMEOUT", value)))
				.withMessageContaining(
						"STACK_START_TIMEOUT must be a positive whole number of seconds, not '" + value + "'");
		}
	}

}
