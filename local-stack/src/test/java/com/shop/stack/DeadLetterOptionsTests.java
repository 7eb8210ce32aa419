package com.shop.stack;

import org.junit.jupiter.api.Test;

import com.shop.stack.DeadLetterOptions.Command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class DeadLetterOptionsTests {

	@Test
	void listsEveryDeadLetterTopicOfTheLocalBrokerByDefault() throws UsageException {
		DeadLetterOptions options = DeadLetterOptions.parse("list");

		assertThat(options.command()).isEqualTo(Command.LIST);
		assertThat(options.topic()).isNull();
		assertThat(options.bootstrapServers()).isEqualTo("localhost:9092");
		assertThat(options.limit()).isEqualTo(20);
	}

	@Test
	void takesOptionsWithASpaceOrAnEqualsSign() throws UsageException {
		DeadLetterOptions options = DeadLetterOptions.parse("replay", "payments.DLT", "--offset=0:07", "--offset",
				"2:3", "--bootstrap-server=kafka:29092", "--dry-run");

		assertThat(options.topic()).isEqualTo("payments.DLT");
		assertThat(options.offsets()).containsExactly("0:7", "2:3");
		assertThat(options.bootstrapServers()).isEqualTo("kafka:29092");
		assertThat(options.dryRun()).isTrue();
	}

	@Test
	void refusesWhatDoesNotMakeSense() {
		assertUsageError("Name a command");
		assertUsageError("Unknown command: purge", "purge");
		assertUsageError("Not a dead-letter topic: orders", "list", "--topic", "orders");
		assertUsageError("Name the dead-letter topic", "replay", "--all");
		assertUsageError("either --all or one or more --offset", "replay", "orders.DLT");
		assertUsageError("either --all or one or more --offset", "replay", "orders.DLT", "--all", "--offset", "0:1");
		assertUsageError("--offset needs PARTITION:OFFSET", "replay", "orders.DLT", "--offset", "12");
		assertUsageError("--limit belongs to list", "replay", "orders.DLT", "--all", "--limit", "3");
		assertUsageError("--dry-run belongs to replay", "list", "--dry-run");
		assertUsageError("--limit needs a number", "list", "--limit", "all");
		assertUsageError("--bootstrap-server needs a value", "list", "--bootstrap-server");
	}

	private static void assertUsageError(String message, String... args) {
		assertThatExceptionOfType(UsageException.class).isThrownBy(() -> DeadLetterOptions.parse(args))
			.withMessageContaining(message);
	}

}
