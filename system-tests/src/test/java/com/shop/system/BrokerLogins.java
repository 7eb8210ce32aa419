package com.shop.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * The broker's principals for the system tests, as the local stack and compose have them:
 * {@code admin} (super user: the tests' own recorders and producers), {@code controller}
 * (the controller listener, SASL/PLAIN) and one SCRAM user per service with random
 * passwords, and the services' ACLs, derived from each service's
 * {@code shop.messaging.owned-topics} and {@code consumed-topics}: a service writes and
 * creates its own topics and the dead-letter topics of those it consumes, reads what it
 * consumes, in its own consumer group.
 */
final class BrokerLogins {

	static final String ADMIN = "admin";

	static final String CONTROLLER = "controller";

	static final List<String> SERVICES = List.of("order-service", "inventory-service", "payment-service",
			"notification-service");

	/** Consumer groups a service creates beside the one named after it. */
	private static final Map<String, String> GROUP_PREFIXES = Map.of("notification-service",
			"notification-service-live-");

	private final Map<String, String> passwords = new LinkedHashMap<>();

	private final Path root;

	BrokerLogins(Path root) {
		this.root = root;
		SecureRandom random = new SecureRandom();
		List<String> users = new ArrayList<>(List.of(ADMIN, CONTROLLER));
		users.addAll(SERVICES);
		for (String user : users) {
			byte[] bytes = new byte[18];
			random.nextBytes(bytes);
			this.passwords.put(user, Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
		}
	}

	String password(String user) {
		return this.passwords.get(user);
	}

	/** Client settings that log in as that user. */
	Map<String, Object> client(String user) {
		Map<String, Object> settings = new HashMap<>();
		settings.put("security.protocol", "SASL_PLAINTEXT");
		settings.put("sasl.mechanism", "SCRAM-SHA-512");
		settings.put("sasl.jaas.config", scramLogin(user, password(user)));
		return settings;
	}

	/** A client of that broker, logged in as that user. */
	Map<String, Object> client(String user, String bootstrapServers) {
		Map<String, Object> settings = client(user);
		settings.put("bootstrap.servers", bootstrapServers);
		return settings;
	}

	/** A service's environment: its own login, through Spring's relaxed binding. */
	Map<String, String> environment(String service) {
		Map<String, Object> login = client(service);
		return Map.of("SPRING_KAFKA_SECURITY_PROTOCOL", (String) login.get("security.protocol"),
				"SPRING_KAFKA_PROPERTIES_SASL_MECHANISM", (String) login.get("sasl.mechanism"),
				"SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG", (String) login.get("sasl.jaas.config"));
	}

	static String scramLogin(String user, String password) {
		return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user + "\" password=\""
				+ password + "\";";
	}

	List<AclBinding> acls() {
		List<AclBinding> acls = new ArrayList<>();
		for (String service : SERVICES) {
			String principal = "User:" + service;
			for (String topic : topics(service, "owned-topics")) {
				topic(acls, principal, topic, AclOperation.WRITE, AclOperation.CREATE, AclOperation.DESCRIBE);
			}
			for (String topic : topics(service, "consumed-topics")) {
				topic(acls, principal, topic, AclOperation.READ);
				topic(acls, principal, topic + ".DLT", AclOperation.WRITE, AclOperation.CREATE, AclOperation.DESCRIBE);
			}
			acls.add(allow(new ResourcePattern(ResourceType.GROUP, service, PatternType.LITERAL), principal,
					AclOperation.READ));
			if (GROUP_PREFIXES.containsKey(service)) {
				acls.add(allow(
						new ResourcePattern(ResourceType.GROUP, GROUP_PREFIXES.get(service), PatternType.PREFIXED),
						principal, AclOperation.READ));
			}
		}
		return acls;
	}

	private List<String> topics(String service, String key) {
		Path yaml = this.root.resolve(service).resolve("src/main/resources/application.yml");
		try {
			Matcher matcher = Pattern.compile("(?m)^\\s+" + key + ":\\s*(.+)$").matcher(Files.readString(yaml));
			if (!matcher.find()) {
				throw new IllegalStateException(yaml + " has no shop.messaging." + key);
			}
			return Arrays.stream(matcher.group(1).split(",")).map(String::trim).toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void topic(List<AclBinding> acls, String principal, String topic, AclOperation... operations) {
		for (AclOperation operation : operations) {
			acls.add(allow(new ResourcePattern(ResourceType.TOPIC, topic, PatternType.LITERAL), principal, operation));
		}
	}

	private static AclBinding allow(ResourcePattern resource, String principal, AclOperation operation) {
		return new AclBinding(resource, new AccessControlEntry(principal, "*", operation, AclPermissionType.ALLOW));
	}

}
