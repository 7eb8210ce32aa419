package com.shop.inventory;

import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.shop.events.Money;
import com.shop.testsupport.TestAdmin;

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
		put(sku, details("Test product " + sku, "10.00", "EUR", active)).expectStatus().isCreated();
		if (stock == 0) {
			return get(sku);
		}
		return okProduct(restock(sku, stock));
	}

	ProductJson get(String sku) {
		return okProduct(this.client.get().uri("/api/products/{sku}", sku).exchange());
	}

	/** Creates or updates the product with any JSON body, valid or not. */
	RestTestClient.ResponseSpec put(String sku, Object body) {
		return this.client.put()
			.uri("/api/products/{sku}", sku)
			.header("Authorization", TestAdmin.authorization())
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.exchange();
	}

	/** Restocks the product with any quantity, valid or not. */
	RestTestClient.ResponseSpec restock(String sku, Object quantity) {
		return this.client.post()
			.uri("/api/products/{sku}/restock", sku)
			.header("Authorization", TestAdmin.authorization())
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("quantity", quantity))
			.exchange();
	}

	/** The body of a PUT: a product's name, price and whether it is on sale. */
	static Map<String, Object> details(String name, Object amount, String currency, boolean active) {
		return Map.of("name", name, "unitPrice", Map.of("amount", amount, "currency", currency), "active", active);
	}

	private static ProductJson okProduct(RestTestClient.ResponseSpec response) {
		return response.expectStatus().isOk().expectBody(ProductJson.class).returnResult().getResponseBody();
	}

	/** The product view as a client reads it. */
	record ProductJson(String sku, String name, Money unitPrice, int onHand, int reserved, int available,
			boolean active) {
	}

}
