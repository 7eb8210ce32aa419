package com.shop.stack;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The broker's principals and their passwords: {@code admin} (super user, for the stack's
 * own tools), {@code controller} (the node's controller listener, also a super user) and
 * one SCRAM user per service. Generated at random on the first start and kept in
 * {@code .stack/secrets/kafka-users.properties} (readable by the owner only), so that a
 * restarted broker and the services agree on them.
 */
final class KafkaUsers {

	static final String ADMIN = "admin";

	static final String CONTROLLER = "controller";

	static final String MECHANISM = "SCRAM-SHA-512";

	private static final SecureRandom random = new SecureRandom();

	private final Map<String, String> passwords;

	private final boolean created;

	private KafkaUsers(Map<String, String> passwords, boolean created) {
		this.passwords = passwords;
		this.created = created;
	}

	/** The users of the file, adding any missing one with a new random password. */
	static KafkaUsers loadOrCreate(Path file, List<String> services) throws IOException {
		Map<String, String> passwords = new LinkedHashMap<>();
		boolean existed = Files.exists(file);
		if (existed) {
			Properties stored = new Properties();
			try (Reader reader = Files.newBufferedReader(file)) {
				stored.load(reader);
			}
			stored.stringPropertyNames().forEach((user) -> passwords.put(user, stored.getProperty(user)));
		}
		int before = passwords.size();
		for (String user : users(services)) {
			passwords.computeIfAbsent(user, (name) -> newPassword());
		}
		if (passwords.size() != before) {
			Properties text = new Properties();
			text.putAll(passwords);
			writePrivate(file, text, "SCRAM and controller passwords of the local broker's users");
		}
		return new KafkaUsers(passwords, !existed);
	}

	private static List<String> users(List<String> services) {
		List<String> users = new java.util.ArrayList<>(List.of(ADMIN, CONTROLLER));
		users.addAll(services);
		return users;
	}

	/**
	 * Whether the file did not exist before, so the broker's storage has none of them.
	 */
	boolean created() {
		return this.created;
	}

	String password(String user) {
		String password = this.passwords.get(user);
		if (password == null) {
			throw new IllegalArgumentException("No Kafka user " + user);
		}
		return password;
	}

	/** The client settings that log in as that user over SASL/SCRAM. */
	Map<String, String> clientSettings(String user) {
		Map<String, String> settings = new LinkedHashMap<>();
		settings.put("security.protocol", "SASL_PLAINTEXT");
		settings.put("sasl.mechanism", MECHANISM);
		settings.put("sasl.jaas.config", scramLogin(user, password(user)));
		return settings;
	}

	/** The {@code --add-scram} argument of {@code kafka-storage format}. */
	String storageCredential(String user) {
		return MECHANISM + "=[name=" + user + ",password=" + password(user) + "]";
	}

	static String scramLogin(String user, String password) {
		return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user + "\" password=\""
				+ password + "\";";
	}

	static String plainLogin(String user, String password) {
		return "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + user + "\" password=\""
				+ password + "\"";
	}

	/**
	 * Writes the admin's client settings as a properties file for the Kafka CLI tools
	 * ({@code --command-config}) and the stack's own commands.
	 */
	void writeClientProperties(Path file, String user) throws IOException {
		Properties properties = new Properties();
		properties.putAll(clientSettings(user));
		writePrivate(file, properties, "Log in to the local broker as " + user + ", e.g. kafka-topics.sh"
				+ " --bootstrap-server " + BrokerConfig.BOOTSTRAP + " --command-config " + file.getFileName());
	}

	/** Reads a client properties file as settings for a Kafka client. */
	static Map<String, String> readClientProperties(Path file) throws IOException {
		Properties properties = new Properties();
		try (Reader reader = Files.newBufferedReader(file)) {
			properties.load(reader);
		}
		Map<String, String> settings = new LinkedHashMap<>();
		properties.stringPropertyNames().forEach((name) -> settings.put(name, properties.getProperty(name)));
		return settings;
	}

	private static void writePrivate(Path file, Properties properties, String comment) throws IOException {
		Files.createDirectories(file.getParent());
		trySetPermissions(file.getParent(), "rwx------");
		StringWriter text = new StringWriter();
		properties.store(text, comment);
		Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
		Files.deleteIfExists(temporary);
		Files.createFile(temporary);
		trySetPermissions(temporary, "rw-------");
		Files.writeString(temporary, text.toString(), StandardOpenOption.TRUNCATE_EXISTING);
		Files.move(temporary, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
				java.nio.file.StandardCopyOption.ATOMIC_MOVE);
	}

	private static void trySetPermissions(Path path, String permissions) throws IOException {
		try {
			Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
		}
		catch (UnsupportedOperationException ex) {
			// not a POSIX file system: the directory's own protection applies
		}
	}

	private static String newPassword() {
		byte[] bytes = new byte[24];
		random.nextBytes(bytes);
		// URL-safe base64 has no character that needs quoting in JAAS or properties
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
