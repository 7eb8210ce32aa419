package com.shop.stack;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One of the four services: its module name, HTTP port and database, the topics it writes
 * and reads (as its {@code shop.messaging.owned-topics} and {@code consumed-topics} say,
 * which a test checks), the prefixes of consumer groups it creates beside the one named
 * after it, and the environment that points it at the local stack (Spring's relaxed
 * binding turns {@code SPRING_DATASOURCE_URL} into {@code spring.datasource.url}).
 */
record ServiceSpec(String name, int port, List<String> owned, List<String> consumed, List<String> groupPrefixes) {

	static final List<ServiceSpec> ALL = List.of(
			new ServiceSpec("order-service", 8080, List.of("orders"),
					List.of("inventory", "payments", "catalog.products"), List.of()),
			new ServiceSpec("inventory-service", 8081, List.of("inventory", "catalog.products"), List.of("orders"),
					List.of()),
			new ServiceSpec("payment-service", 8082, List.of("payments"), List.of("orders"), List.of()),
			// one group per instance, so that every instance sees every order for its
			// WebSocket clients
			new ServiceSpec("notification-service", 8083, List.of("notifications"), List.of("orders"),
					List.of("notification-service-live-")));

	static ServiceSpec named(String name) {
		return ALL.stream()
			.filter((service) -> service.name.equals(name))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("No service " + name));
	}

	String database() {
		return this.name.replace('-', '_');
	}

	String url() {
		return "http://localhost:" + this.port;
	}

	String healthUrl() {
		return url() + "/actuator/health";
	}

	/** Loopback webhook targets are allowed in the local stack, and only there. */
	static final String LOOPBACK_WEBHOOKS = "127.0.0.0/8,::1/128";

	/**
	 * The environment of the service; {@code kafkaLogin} is its own SASL settings
	 * ({@code security.protocol}, {@code sasl.mechanism}, {@code sasl.jaas.config}).
	 */
	Map<String, String> environment(DatabaseSettings database, String kafkaBootstrap, Map<String, String> kafkaLogin,
			int smtpPort, String adminPassword, String webhookSecretKey) {
		Map<String, String> env = new LinkedHashMap<>();
		env.put("SERVER_PORT", String.valueOf(this.port));
		env.put("SPRING_DATASOURCE_URL", database.jdbcUrl(database()));
		env.put("SPRING_DATASOURCE_USERNAME", database.username());
		env.put("SPRING_DATASOURCE_PASSWORD", database.password());
		env.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrap);
		env.put("SPRING_KAFKA_SECURITY_PROTOCOL", kafkaLogin.get("security.protocol"));
		env.put("SPRING_KAFKA_PROPERTIES_SASL_MECHANISM", kafkaLogin.get("sasl.mechanism"));
		env.put("SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG", kafkaLogin.get("sasl.jaas.config"));
		env.put("SPRING_MAIL_HOST", "localhost");
		env.put("SPRING_MAIL_PORT", String.valueOf(smtpPort));
		env.put("SHOP_SECURITY_ADMIN_PASSWORD", adminPassword);
		if ("notification-service".equals(this.name)) {
			// webhook receivers on this machine are what a developer tries first
			env.put("SHOP_WEBHOOKS_ALLOWED_NETWORKS", LOOPBACK_WEBHOOKS);
			env.put("SHOP_WEBHOOKS_SECRET_KEY", webhookSecretKey);
		}
		return env;
	}

}
