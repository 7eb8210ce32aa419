package com.shop.bench;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * How the benchmark logs in to the local stack: as the broker's admin (SASL settings from
 * {@code STACK_KAFKA_CONFIG} or {@code .stack/secrets/admin-client.properties}) and as
 * the HTTP admin ({@code SHOP_ADMIN_USER}/{@code SHOP_ADMIN_PASSWORD}, which
 * {@code ./stack
 * bench} sets from {@code .stack/secrets/admin-password}). Placements go as admin too, so
 * the per-client rate limit, meant for storefront clients, does not throttle the load.
 */
final class StackLogins {

	private StackLogins() {
	}

	static Path kafkaConfig(Path root) {
		String configured = System.getenv("STACK_KAFKA_CONFIG");
		return (configured != null) ? Path.of(configured) : root.resolve(".stack/secrets/admin-client.properties");
	}

	/** The client settings to log in to the broker, or none when there is no file. */
	static Map<String, Object> kafka(Path root) {
		Path file = kafkaConfig(root);
		Map<String, Object> settings = new HashMap<>();
		if (Files.isRegularFile(file)) {
			Properties properties = new Properties();
			try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
				properties.load(reader);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			properties.stringPropertyNames().forEach((name) -> settings.put(name, properties.getProperty(name)));
		}
		return settings;
	}

	/**
	 * The admin's {@code Authorization} header, or {@code null} when none is configured.
	 */
	static String httpAuthorization() {
		String user = System.getenv("SHOP_ADMIN_USER");
		String password = System.getenv("SHOP_ADMIN_PASSWORD");
		return (user != null && password != null)
				? "Basic "
						+ Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8))
				: null;
	}

}
