package com.shop.stack;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseSettingsTests {

	@Test
	void usesTheEmbeddedServerByDefault() {
		DatabaseSettings settings = DatabaseSettings.from(Map.of());

		assertThat(settings.embedded()).isTrue();
		assertThat(settings.jdbcUrl("order_service")).isEqualTo("jdbc:postgresql://localhost:15432/order_service");
		assertThat(settings.username()).isEqualTo("postgres");
	}

	@Test
	void usesAnExistingServerWhenItsUrlIsSet() {
		DatabaseSettings settings = DatabaseSettings.from(Map.of("SHOP_DATABASE_URL", "jdbc:postgresql://db:5432/",
				"SHOP_DATABASE_USERNAME", "shop", "SHOP_DATABASE_PASSWORD", "secret"));

		assertThat(settings.embedded()).isFalse();
		assertThat(settings.jdbcUrl("payment_service")).isEqualTo("jdbc:postgresql://db:5432/payment_service");
		assertThat(settings.username()).isEqualTo("shop");
		assertThat(settings.password()).isEqualTo("secret");
	}

	@Test
	void keepsQueryParametersAfterTheDatabaseName() {
		DatabaseSettings settings = DatabaseSettings.from(Map.of("SHOP_DATABASE_URL", "jdbc:postgresql://db?ssl=true"));

		assertThat(settings.jdbcUrl("inventory_service")).isEqualTo("jdbc:postgresql://db/inventory_service?ssl=true");
	}

}
