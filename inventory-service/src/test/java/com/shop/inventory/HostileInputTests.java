package com.shop.inventory;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import com.shop.testsupport.HostileRequests;
import com.shop.testsupport.HostileRequests.Request;
import com.shop.testsupport.IntegrationTest;
import com.shop.testsupport.TestAdmin;
import com.shop.testsupport.WrongTypes;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property: whatever a client sends to the catalog API, public reads and the operator's
 * writes alike (with the admin's credentials, so validation is what is tested), the
 * answer is never a server error, every refusal is problem+json, and a refused request
 * changes no product.
 */
@IntegrationTest
class HostileInputTests {

	private static final int REQUESTS = 500;

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void hostileRequestsNeverCauseServerErrorsAndRefusedOnesChangeNoProduct() {
		String product = "{\"name\":\"Fuzzed\",\"unitPrice\":{\"amount\":\"9.99\",\"currency\":\"EUR\"},\"active\":true}";
		String restock = "{\"quantity\":3}";
		Map<String, String> json = Map.of("Content-Type", "application/json", "Accept", "application/json");
		Map<String, String> admin = new HashMap<>(json);
		admin.put("Authorization", TestAdmin.authorization());
		Map<Integer, Integer> statuses = HostileRequests.send("inventory-service", this.port, REQUESTS, (hostile) -> {
			String sku = hostile.random().nextBoolean() ? "FUZZ-" + hostile.random().nextInt(5) : hostile.pathSegment();
			return switch (hostile.random().nextInt(8)) {
				case 0 -> new Request("GET", "/api/products/" + sku, hostile.headers(json), null);
				case 1 -> new Request("GET", "/api/products?" + hostile.pathSegment(), hostile.headers(json), null);
				case 2 -> new Request("PUT", "/api/products/" + sku, hostile.headers(admin),
						product.getBytes(StandardCharsets.UTF_8));
				case 3, 4 ->
					new Request("PUT", "/api/products/" + sku, hostile.headers(admin), hostile.mutatedJson(product));
				default -> new Request("POST", "/api/products/" + sku + "/restock", hostile.headers(admin),
						hostile.mutatedJson(restock));
			};
		}, this::catalogFingerprint);
		assertThat(statuses.keySet()).as("some were accepted, most refused").contains(400).containsAnyOf(200, 201);
	}

	/**
	 * Nothing is coerced: every field of a product description or a restock given a value
	 * of another JSON type (an amount as a JSON number, a quantity as a fraction or a
	 * string), or a field the request does not have, is a 400 naming the field, and no
	 * product changes.
	 */
	@Test
	void everyFieldOfTheWrongTypeIsRefusedByNameAndNothingChanges() {
		Map<String, String> admin = Map.of("Content-Type", "application/json", "Authorization",
				TestAdmin.authorization());
		String product = "{\"name\":\"Typed\",\"unitPrice\":{\"amount\":\"9.99\",\"currency\":\"EUR\"},\"active\":true}";
		WrongTypes.send("inventory-service", this.port, "PUT", "/api/products/TYPED-1", admin, product, Set.of(),
				this::catalogFingerprint);
		this.jdbc.update("insert into product (sku, name, unit_price, currency, on_hand, active, catalog_published)"
				+ " values ('TYPED-2', 'Typed', 1.00, 'EUR', 5, true, true) on conflict do nothing");
		WrongTypes.send("inventory-service", this.port, "POST", "/api/products/TYPED-2/restock", admin,
				"{\"quantity\":3}", Set.of(), this::catalogFingerprint);
	}

	/** Changes whenever any product row changes. */
	private long catalogFingerprint() {
		return this.jdbc
			.queryForObject("select coalesce(md5(string_agg(p::text, ',' order by p.sku)), '') from product p",
					String.class)
			.hashCode();
	}

}
