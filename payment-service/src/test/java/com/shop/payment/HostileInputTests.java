package com.shop.payment;

import java.util.Map;

import com.shop.testsupport.HostileRequests;
import com.shop.testsupport.HostileRequests.Request;
import com.shop.testsupport.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property: whatever a client asks the payments API (random order ids, query strings,
 * methods and headers), the answer is never a server error, every refusal is
 * problem+json, and nothing is charged.
 */
@IntegrationTest
class HostileInputTests {

	private static final int REQUESTS = 500;

	@LocalServerPort
	int port;

	@Autowired
	PaymentRepository payments;

	@Test
	void hostileRequestsNeverCauseServerErrorsAndChargeNothing() {
		Map<String, String> json = Map.of("Accept", "application/json");
		Map<Integer, Integer> statuses = HostileRequests.send("payment-service", this.port, REQUESTS,
				(hostile) -> switch (hostile.random().nextInt(4)) {
					case 0 -> new Request("GET", "/api/payments?" + hostile.pathSegment(), hostile.headers(json), null);
					case 1 -> new Request("POST", "/api/payments", hostile.headers(json), hostile.bytes(40));
					default -> new Request("GET", "/api/payments?orderId=" + hostile.pathSegment(),
							hostile.headers(json), null);
				}, this.payments::count);
		assertThat(statuses.keySet()).as("some answered, some refused").contains(200, 400);
	}

}
