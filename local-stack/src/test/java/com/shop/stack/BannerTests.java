package com.shop.stack;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BannerTests {

	@Test
	void printsEveryAddressADeveloperNeeds() {
		String banner = Banner.render(ServiceSpec.ALL.subList(0, 3), List.of("notification-service"),
				DatabaseSettings.from(Map.of()), "http://localhost:8025/", ".stack/logs/",
				".stack/secrets/admin-client.properties", ".stack/secrets/admin-password", "42.0 s");

		assertThat(banner).contains("started in 42.0 s", "http://localhost:8080", "http://localhost:8081",
				"http://localhost:8082", "notification-service  NOT STARTED", "localhost:9092",
				"jdbc:postgresql://localhost:15432/<service>_service", "http://localhost:8025/", ".stack/logs/",
				"./stack kafka topics --list", "--command-config .stack/secrets/admin-client.properties",
				"./stack topics", "./stack trace <orderId>", "./stack dlt list", "http://localhost:8083/",
				"curl -s -u admin:$(cat .stack/secrets/admin-password)", "loopback allowed in this stack");
	}

}
