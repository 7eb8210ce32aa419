package com.shop.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * How the stack's own commands ({@code ./stack topics|tail|trace|dlt}) log in to the
 * broker: with the client properties file named by {@code STACK_KAFKA_CONFIG} (for
 * another broker), else with the admin login that {@code ./stack up} wrote to
 * {@code .stack/secrets/admin-client.properties}, else not at all (a broker without
 * authentication).
 */
final class AdminLogin {

	static final String VARIABLE = "STACK_KAFKA_CONFIG";

	private AdminLogin() {
	}

	static Map<String, String> settings() {
		StackLayout layout = new StackLayout(Path.of(System.getProperty("stack.root", "")));
		return settings(System.getenv(VARIABLE), layout.adminClientProperties());
	}

	static Map<String, String> settings(String configured, Path stackDefault) {
		try {
			if (configured != null && !configured.isBlank()) {
				return KafkaUsers.readClientProperties(Path.of(configured));
			}
			return Files.isRegularFile(stackDefault) ? KafkaUsers.readClientProperties(stackDefault) : Map.of();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the Kafka client settings", ex);
		}
	}

}
