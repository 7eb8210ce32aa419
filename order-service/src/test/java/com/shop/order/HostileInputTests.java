package com.shop.order;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.shop.events.Money;
import com.shop.events.ProductUpserted;
import com.shop.testsupport.HostileRequests;
import com.shop.testsupport.HostileRequests.Request;
import com.shop.testsupport.IntegrationTest;
import com.shop.testsupport.TestEvents;
import com.shop.testsupport.WrongTypes;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Property: whatever a client sends to the public order API (mutated and random bodies,
 * odd headers, random path and query values), the answer is never a server error, every
 * refusal is problem+json, and a refused request leaves no order behind.
 */
@IntegrationTest
class HostileInputTests {

	private static final int REQUESTS = 1_000;

	private static final String SKU = "FUZZ-001";

	@LocalServerPort
	int port;

	@Autowired
	Orders orders;

	@Autowired
	CatalogProducts catalog;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void hostileRequestsNeverCauseServerErrorsAndRefusedOnesPersistNothing() {
		try (TestEvents events = new TestEvents()) {
			events.send(new ProductUpserted(SKU, "Fuzzed gadget", Money.of("3.00", "EUR"), true));
		}
		await().atMost(Duration.ofSeconds(20)).until(() -> this.catalog.findById(SKU).isPresent());
		String valid = """
				{"customerId":"fuzz","customerEmail":"fuzz@example.com","paymentMethod":"tok_visa",
				 "items":[{"sku":"FUZZ-001","quantity":2}]}""";
		Map<String, String> validHeaders = Map.of("Content-Type", "application/json", "Accept", "application/json");
		Map<Integer, Integer> statuses = HostileRequests.send("order-service", this.port, REQUESTS, (hostile) -> {
			Map<String, String> headers = hostile.headers(validHeaders);
			return switch (hostile.random().nextInt(10)) {
				case 0 -> new Request("GET", "/api/orders/" + hostile.pathSegment(), headers, null);
				case 1 ->
					new Request("GET",
							"/api/orders?customerId=" + hostile.pathSegment() + "&status=" + hostile.pathSegment()
									+ "&page=" + hostile.pathSegment() + "&size=" + hostile.pathSegment(),
							headers, null);
				case 2 -> new Request("POST", "/api/orders/" + hostile.pathSegment() + "/cancel", headers, null);
				case 3 -> new Request("POST", "/api/orders", headers, valid.getBytes(StandardCharsets.UTF_8));
				default -> new Request("POST", "/api/orders", headers, hostile.mutatedJson(valid));
			};
		}, this.orders::count);
		assertThat(statuses.keySet()).as("some were accepted, most refused").contains(202, 400);
	}

	/**
	 * Nothing is coerced: a fraction, a string or a boolean for a quantity (and every
	 * other field given a value of another JSON type, or a field the request does not
	 * have) is a 400 naming the field, and no order is stored or event published.
	 */
	@Test
	void everyFieldOfTheWrongTypeIsRefusedByNameAndNothingIsStored() {
		try (TestEvents events = new TestEvents()) {
			events.send(new ProductUpserted(SKU, "Fuzzed gadget", Money.of("3.00", "EUR"), true));
		}
		await().atMost(Duration.ofSeconds(20)).until(() -> this.catalog.findById(SKU).isPresent());
		String valid = """
				{"customerId":"typed","customerEmail":"typed@example.com","paymentMethod":"tok_visa",
				 "items":[{"sku":"FUZZ-001","quantity":2}]}""";
		WrongTypes.send("order-service", this.port, "POST", "/api/orders", Map.of("Content-Type", "application/json"),
				valid, Set.of(),
				() -> this.orders.count() + this.jdbc.queryForObject("select count(*) from outbox_event", Long.class));
	}

}
