package com.shop.stack;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One of the four services: its module name, HTTP port and database, and the environment
 * that points it at the local stack (Spring's relaxed binding turns
 * {@code SPRING_DATASOURCE_URL} into {@code spring.datasource.url}).
 */
record ServiceSpec(String name, int port) {

	static final List<ServiceSpec> ALL = List.of(new ServiceSpec("order-service", 8080),
			new ServiceSpec("inventory-service", 8081), new ServiceSpec("payment-service", 8082),
			new ServiceSpec("notification-service", 8083));

	String database() {
		return this.name.replace('-', '_');
	}

	String url() {
		return "http://localhost:" + this.port;
	}

	String healthUrl() {
		return url() + "/actuator/health";
	}

	Map<String, String> environment(DatabaseSettings database, String kafkaBootstrap, int smtpPort) {
		Map<String, String> env = new LinkedHashMap<>();
		env.put("SERVER_PORT", String.valueOf(this.port));
		env.put("SPRING_DATASOURCE_URL", database.jdbcUrl(database()));
		env.put("SPRING_DATASOURCE_USERNAME", database.username());
		env.put("SPRING_DATASOURCE_PASSWORD", database.password());
		env.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrap);
		env.put("SPRING_MAIL_HOST", "localhost");
		env.put("SPRING_MAIL_PORT", String.valueOf(smtpPort));
		return env;
	}

}
