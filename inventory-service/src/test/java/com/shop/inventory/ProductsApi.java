package com.shop.inventory;

import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.shop.events.Money;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/** Drives the product API of the running service in tests. */
final class ProductsApi {

	private final RestTestClient client;

	ProductsApi(int port) {
		this.client = RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
	}

	RestTestClient client() {
		return this.client;
	}

	/** A sku no other test uses. */
	static String uniqueSku(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
	}

	/** Creates an active product priced 10.00 EUR with that many units on hand. */
	ProductJson create(String sku, int stock) {
		return create(sku, stock, true);
	}

	ProductJson create(String sku, int stock, boolean active) {
		this.client.put()
			.uri("/api/products/{sku}", sku)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("name", "Test product " + sku, "unitPrice", Map.of("amount", "10.00", "currency", "EUR"),
					"active", active))
			.exchange()
			.expectStatus()
			.isCreated();
		if (stock == 0) {
			return get(sku);
		}
		return this.client.post()
			.uri("/api/products/{sku}/restock", sku)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("quantity", stock))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(ProductJson.class)
			.returnResult()
			.getResponseBody();
	}

	ProductJson get(String sku) {
		return this.client.get()
			.uri("/api/products/{sku}", sku)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(ProductJson.class)
			.returnResult()
			.getResponseBody();
	}

	/** The product view as a client reads it. */
	record ProductJson(String sku, String name, Money unitPrice, int onHand, int reserved, int available,
			boolean active) {
	}

}
