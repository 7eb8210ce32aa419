package com.shop.stack;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceSpecTests {

	@Test
	void knowsTheFourServicesAndTheirPorts() {
		assertThat(ServiceSpec.ALL).extracting(ServiceSpec::name, ServiceSpec::port)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("order-service", 8080),
					org.assertj.core.groups.Tuple.tuple("inventory-service", 8081),
					org.assertj.core.groups.Tuple.tuple("payment-service", 8082),
					org.assertj.core.groups.Tuple.tuple("notification-service", 8083));
	}

	@Test
	void pointsAServiceAtItsOwnDatabaseTheBrokerAndTheMailSink() {
		ServiceSpec notifications = ServiceSpec.named("notification-service");

		Map<String, String> env = notifications.environment(
				DatabaseSettings.from(Map.of()), "localhost:9092", Map.of("security.protocol", "SASL_PLAINTEXT",
						"sasl.mechanism", "SCRAM-SHA-512", "sasl.jaas.config", "login as notification-service"),
				3025, "s3cret-admin-password", "a2V5");

		assertThat(env).containsEntry("SERVER_PORT", "8083")
			.containsEntry("SPRING_DATASOURCE_URL", "jdbc:postgresql://localhost:15432/notification_service")
			.containsEntry("SPRING_DATASOURCE_USERNAME", "postgres")
			.containsEntry("SPRING_DATASOURCE_PASSWORD", "postgres")
			.containsEntry("SPRING_KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")
			.containsEntry("SPRING_KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT")
			.containsEntry("SPRING_KAFKA_PROPERTIES_SASL_MECHANISM", "SCRAM-SHA-512")
			.containsEntry("SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG", "login as notification-service")
			.containsEntry("SPRING_MAIL_HOST", "localhost")
			.containsEntry("SPRING_MAIL_PORT", "3025")
			.containsEntry("SHOP_SECURITY_ADMIN_PASSWORD", "s3cret-admin-password")
			.containsEntry("SHOP_WEBHOOKS_ALLOWED_NETWORKS", "127.0.0.0/8,::1/128")
			.containsEntry("SHOP_WEBHOOKS_SECRET_KEY", "a2V5");
		assertThat(notifications.healthUrl()).isEqualTo("http://localhost:8083/actuator/health");
	}

}
