package com.shop.stack;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class TailOptionsTests {

	@Test
	void showsTheNewestTenOfTheLocalBrokerByDefault() throws UsageException {
		TailOptions options = TailOptions.parse("orders");

		assertThat(options.topic()).isEqualTo("orders");
		assertThat(options.bootstrapServers()).isEqualTo("localhost:9092");
		assertThat(options.fromBeginning()).isFalse();
		assertThat(options.follow()).isFalse();
		assertThat(options.filter().isEmpty()).isTrue();
		assertThat(options.backlogLimit()).isEqualTo(10);
	}

	@Test
	void showsEverythingFromTheBeginningUnlessLimited() throws UsageException {
		assertThat(TailOptions.parse("orders", "--from-beginning").backlogLimit()).isEqualTo(Integer.MAX_VALUE);
		assertThat(TailOptions.parse("orders", "--from-beginning", "--limit=3").backlogLimit()).isEqualTo(3);
	}

	@Test
	void takesFiltersAndFollow() throws UsageException {
		TailOptions options = TailOptions.parse("--type", "order.placed", "payments", "--key=ord-1", "--follow",
				"--bootstrap-server", "kafka:29092");

		assertThat(options.topic()).isEqualTo("payments");
		assertThat(options.filter()).isEqualTo(new RecordFilter("order.placed", "ord-1"));
		assertThat(options.follow()).isTrue();
		assertThat(options.bootstrapServers()).isEqualTo("kafka:29092");
	}

	@Test
	void refusesWhatDoesNotMakeSense() {
		assertUsageError("Name the topic");
		assertUsageError("Unexpected argument: inventory", "orders", "inventory");
		assertUsageError("Unexpected argument: --from-start", "orders", "--from-start");
		assertUsageError("--limit needs a number of records, not -1", "orders", "--limit", "-1");
		assertUsageError("--type needs a value", "orders", "--type");
	}

	@Test
	void exitsWithTwoAndTheUsageOnAMistake() {
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int exit = new TopicTail(System.out, new PrintStream(err, true, StandardCharsets.UTF_8), BrokerCommand.TIMEOUT)
			.run();

		assertThat(exit).isEqualTo(2);
		assertThat(err.toString(StandardCharsets.UTF_8)).contains("Name the topic", "Usage:", "./stack tail TOPIC");
	}

	private static void assertUsageError(String message, String... args) {
		assertThatExceptionOfType(UsageException.class).isThrownBy(() -> TailOptions.parse(args))
			.withMessageContaining(message);
	}

}
