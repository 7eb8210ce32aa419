package com.shop.order;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import com.shop.events.Money;
import com.shop.events.ProductUpserted;
import com.shop.testsupport.Hostile;
import com.shop.testsupport.IntegrationTest;
import com.shop.testsupport.RawHttp;
import com.shop.testsupport.TestEvents;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Property: whatever a client sends to the public order API (mutated and random bodies,
 * odd headers, random path and query values), the answer is never a server error, every
 * refusal is problem+json, and a refused request leaves no order behind.
 */
@IntegrationTest
class HostileInputTests {

	private static final int REQUESTS = 2_000;

	private static final String SKU = "FUZZ-001";

	@LocalServerPort
	int port;

	@Autowired
	Orders orders;

	@Autowired
	CatalogProducts catalog;

	@Test
	void hostileRequestsNeverCauseServerErrorsAndRefusedOnesPersistNothing() {
		try (TestEvents events = new TestEvents()) {
			events.send(new ProductUpserted(SKU, "Fuzzed gadget", Money.of("3.00", "EUR"), true));
		}
		await().atMost(Duration.ofSeconds(20)).until(() -> this.catalog.findById(SKU).isPresent());
		Hostile hostile = Hostile.generator("order-service HTTP");
		String valid = """
				{"customerId":"fuzz","customerEmail":"fuzz@example.com","paymentMethod":"tok_visa",
				 "items":[{"sku":"FUZZ-001","quantity":1},{"sku":"FUZZ-001","quantity":2}]}""";
		Map<String, String> validHeaders = Map.of("Content-Type", "application/json", "Accept", "application/json");
		Map<Integer, Integer> statuses = new TreeMap<>();
		for (int i = 0; i < REQUESTS; i++) {
			String method = "POST";
			String target = "/api/orders";
			byte[] body = null;
			switch (hostile.random().nextInt(10)) {
				case 0 -> {
					method = "GET";
					target = "/api/orders/" + hostile.pathSegment();
				}
				case 1 -> {
					method = "GET";
					target = "/api/orders?customerId=" + hostile.pathSegment() + "&status=" + hostile.pathSegment()
							+ "&page=" + hostile.pathSegment() + "&size=" + hostile.pathSegment();
				}
				case 2 -> target = "/api/orders/" + hostile.pathSegment() + "/cancel";
				case 3 -> body = valid.getBytes(StandardCharsets.UTF_8);
				default -> body = hostile.mutatedJson(valid);
			}
			Map<String, String> headers = hostile.headers(validHeaders);
			// a different client address each time, so the per-client rate limit stays
			// out of the way
			String client = "127." + hostile.random().nextInt(256) + "." + hostile.random().nextInt(256) + "."
					+ (1 + hostile.random().nextInt(254));
			long before = this.orders.count();
			RawHttp.Response response = RawHttp.exchange(this.port, client, method, target, headers, body);
			String request = method + " " + target + " " + headers + " "
					+ ((body != null) ? new String(body, StandardCharsets.UTF_8) : "");
			statuses.merge(response.status(), 1, Integer::sum);
			assertThat(response.status()).as("seed %d: %s -> %s", hostile.seed(), request, response.body())
				.isLessThan(500);
			int headerBytes = target.length() + headers.entrySet()
				.stream()
				.mapToInt((header) -> header.getKey().length() + header.getValue().length() + 4)
				.sum();
			if (headerBytes > 8 * 1024) {
				// beyond server.max-http-request-header-size Tomcat answers a bare 400
				// itself
				assertThat(response.status()).as("seed %d: %s", hostile.seed(), request).isEqualTo(400);
			}
			else if (response.status() >= 400) {
				assertThat(response.header("content-type"))
					.as("seed %d: %s -> %d", hostile.seed(), request, response.status())
					.startsWith("application/problem+json");
				assertThat(response.body()).contains("\"status\":" + response.status());
				assertThat(this.orders.count()).as("seed %d: refused but persisted: %s", hostile.seed(), request)
					.isEqualTo(before);
			}
		}
		System.out.printf("[fuzz] order-service: %d requests, answers by status %s%n", REQUESTS, statuses);
		assertThat(statuses.keySet()).as("some were accepted, most refused").contains(202, 400);
	}

}
