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
		ServiceSpec notifications = new ServiceSpec("notification-service", 8083);

		Map<String, String> env = notifications.environment(DatabaseSettings.from(Map.of()), "localhost:9092", 3025);

		assertThat(env).containsEntry("SERVER_PORT", "8083")
			.containsEntry("SPRING_DATASOURCE_URL", "jdbc:postgresql://localhost:15432/notification_service")
			.containsEntry("SPRING_DATASOURCE_USERNAME", "postgres")
			.containsEntry("SPRING_DATASOURCE_PASSWORD", "postgres")
			.containsEntry("SPRING_KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")
			.containsEntry("SPRING_MAIL_HOST", "localhost")
			.containsEntry("SPRING_MAIL_PORT", "3025");
		assertThat(notifications.healthUrl()).isEqualTo("http://localhost:8083/actuator/health");
	}

}
