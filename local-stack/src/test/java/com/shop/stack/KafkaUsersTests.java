package com.shop.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaUsersTests {

	@TempDir
	Path directory;

	@Test
	void generatesAPasswordPerUserOnceAndKeepsItPrivate() throws IOException {
		Path file = this.directory.resolve("secrets").resolve("kafka-users.properties");

		KafkaUsers first = KafkaUsers.loadOrCreate(file, List.of("order-service", "payment-service"));
		KafkaUsers again = KafkaUsers.loadOrCreate(file, List.of("order-service", "payment-service"));

		assertThat(first.created()).isTrue();
		assertThat(again.created()).isFalse();
		for (String user : List.of("admin", "controller", "order-service", "payment-service")) {
			assertThat(again.password(user)).isEqualTo(first.password(user)).hasSizeGreaterThanOrEqualTo(32);
		}
		assertThat(first.password("order-service")).isNotEqualTo(first.password("payment-service"));
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
			.isEqualTo("rwx------");
	}

	@Test
	void addsAServiceThatIsNewWithoutChangingTheOthers() throws IOException {
		Path file = this.directory.resolve("kafka-users.properties");
		KafkaUsers before = KafkaUsers.loadOrCreate(file, List.of("order-service"));

		KafkaUsers after = KafkaUsers.loadOrCreate(file, List.of("order-service", "payment-service"));

		assertThat(after.password("admin")).isEqualTo(before.password("admin"));
		assertThat(after.password("payment-service")).isNotBlank();
		assertThat(after.created()).isFalse();
	}

	@Test
	void writesALoginTheKafkaToolsRead() throws IOException {
		KafkaUsers users = KafkaUsers.loadOrCreate(this.directory.resolve("kafka-users.properties"), List.of());
		Path properties = this.directory.resolve("admin-client.properties");

		users.writeClientProperties(properties, "admin");

		assertThat(KafkaUsers.readClientProperties(properties)).containsEntry("security.protocol", "SASL_PLAINTEXT")
			.containsEntry("sasl.mechanism", "SCRAM-SHA-512")
			.containsEntry("sasl.jaas.config",
					"org.apache.kafka.common.security.scram.ScramLoginModule required username=\"admin\" password=\""
							+ users.password("admin") + "\";");
		assertThat(AdminLogin.settings(null, properties)).isEqualTo(KafkaUsers.readClientProperties(properties));
		assertThat(AdminLogin.settings("", this.directory.resolve("missing"))).isEmpty();
		assertThat(users.storageCredential("admin"))
			.isEqualTo("SCRAM-SHA-512=[name=admin,password=" + users.password("admin") + "]");
	}

}
