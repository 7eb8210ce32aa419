package com.shop.system;

import java.time.Duration;
import java.util.UUID;

import com.shop.testsupport.TestAdmin;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.awaitility.Awaitility.await;

/**
 * The running pipeline as its users see it: the public REST APIs of the four services.
 */
final class Shop {

	private static final JsonMapper json = JsonMapper.builder().build();

	final RestTestClient orders;

	final RestTestClient inventory;

	final RestTestClient payments;

	final RestTestClient notifications;

	Shop(RunningSystem system) {
		this.orders = client(system.orders);
		this.inventory = client(system.inventory);
		this.payments = client(system.payments);
		this.notifications = client(system.notifications);
	}

	private static RestTestClient client(ServiceProcess service) {
		return RestTestClient.bindToServer().baseUrl(service.url()).build();
	}

	static JsonNode parse(String body) {
		return json.readTree(body);
	}

	/** Creates a product of its own for a test, with that price and stock. */
	String newProduct(String price, int stock) {
		String sku = "SYS-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		this.inventory.put()
			.uri("/api/products/{sku}", sku)
			.header("Authorization", TestAdmin.authorization())
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"name\":\"System test product\",\"unitPrice\":{\"amount\":\"" + price
					+ "\",\"currency\":\"EUR\"},\"active\":true}")
			.exchange()
			.expectStatus()
			.isCreated();
		if (stock > 0) {
			this.inventory.post()
				.uri("/api/products/{sku}/restock", sku)
				.header("Authorization", TestAdmin.authorization())
				.contentType(MediaType.APPLICATION_JSON)
				.body("{\"quantity\":" + stock + "}")
				.exchange()
				.expectStatus()
				.isOk();
		}
		awaitSellable(sku);
		return sku;
	}

	/**
	 * Waits until order-service's catalog replica knows the product: until then a
	 * placement is refused with 422 and creates nothing.
	 */
	private void awaitSellable(String sku) {
		await("catalog replica has " + sku).atMost(Duration.ofSeconds(20))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> this.orders.post()
				.uri("/api/orders")
				.contentType(MediaType.APPLICATION_JSON)
				.body(orderJson("probe", "probe@example.com", sku, 0, "tok_visa"))
				.exchange()
				.returnResult(String.class)
				.getStatus()
				.value() == 400);
	}

	JsonNode product(String sku) {
		return get(this.inventory, "/api/products/" + sku);
	}

	JsonNode order(String orderId) {
		return get(this.orders, "/api/orders/" + orderId);
	}

	static JsonNode get(RestTestClient client, String path) {
		return parse(client.get()
			.uri(path)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody());
	}

	/**
	 * Places an order and returns its id; the answer must be 202 with a PENDING order.
	 */
	String place(String sku, int quantity, String paymentMethod) {
		String customer = "cust-" + UUID.randomUUID().toString().substring(0, 8);
		String body = this.orders.post()
			.uri("/api/orders")
			.contentType(MediaType.APPLICATION_JSON)
			.body(orderJson(customer, customer + "@example.com", sku, quantity, paymentMethod))
			.exchange()
			.expectStatus()
			.isAccepted()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		return parse(body).get("orderId").asString();
	}

	/** Waits until the order is CONFIRMED or CANCELLED and returns it. */
	JsonNode awaitSettled(String orderId) {
		return await("order " + orderId + " settles").atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> order(orderId), (order) -> {
				String status = order.get("status").asString();
				return "CONFIRMED".equals(status) || "CANCELLED".equals(status);
			});
	}

	static String orderJson(String customerId, String email, String sku, int quantity, String paymentMethod) {
		return """
				{"customerId":"%s","customerEmail":"%s","paymentMethod":"%s","items":[{"sku":"%s","quantity":%d}]}
				""".formatted(customerId, email, paymentMethod, sku, quantity);
	}

}
