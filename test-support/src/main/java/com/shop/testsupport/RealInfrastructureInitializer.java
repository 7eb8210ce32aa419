package com.shop.testsupport;

import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a Spring Boot test at the shared PostgreSQL (a database named after
 * {@code spring.application.name}) and the shared Kafka broker, with the
 * {@link TestAdmin} credentials.
 */
public class RealInfrastructureInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		Infrastructure.usedBy(context);
		String name = context.getEnvironment().getProperty("spring.application.name", "test");
		Infrastructure.Database database = Infrastructure.database(name.replace('-', '_'));
		context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource("realInfrastructure",
					Map.of("spring.datasource.url", database.url(), "spring.datasource.username", database.username(),
							"spring.datasource.password", database.password(), "spring.kafka.bootstrap-servers",
							Infrastructure.kafkaBootstrapServers(), "shop.security.admin-user", TestAdmin.USER,
							"shop.security.admin-password", TestAdmin.PASSWORD)));
	}

}
