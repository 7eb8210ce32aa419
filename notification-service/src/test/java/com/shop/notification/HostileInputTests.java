package com.shop.notification;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.shop.testsupport.HostileRequests;
import com.shop.testsupport.HostileRequests.Request;
import com.shop.testsupport.TestAdmin;
import com.shop.testsupport.WrongTypes;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property: whatever a client sends to the notification and webhook APIs (the webhook
 * calls with the admin's credentials, so validation is what is tested), the answer is
 * never a server error, every refusal is problem+json, and a refused request registers,
 * changes or deletes no webhook.
 */
class HostileInputTests extends NotificationServiceTest {

	private static final int REQUESTS = 300;

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void hostileRequestsNeverCauseServerErrorsAndRefusedOnesChangeNoWebhook() {
		String webhook = "{\"url\":\"http://127.0.0.1:9/hook\",\"eventTypes\":[\"shop.order.confirmed.v1\"],"
				+ "\"description\":\"fuzz\"}";
		Map<String, String> json = Map.of("Content-Type", "application/json", "Accept", "application/json");
		Map<String, String> admin = new HashMap<>(json);
		admin.put("Authorization", TestAdmin.authorization());
		List<UUID> before = this.jdbc.queryForList("select id from webhook_endpoint", UUID.class);
		Map<Integer, Integer> statuses;
		try {
			statuses = send(webhook, json, admin);
		}
		finally {
			// the endpoints registered here would get the other tests' events
			this.jdbc.update("delete from webhook_endpoint where not (id = any(?))",
					(Object) before.toArray(UUID[]::new));
		}
		assertThat(statuses.keySet()).as("some were accepted, most refused").contains(201, 400);
	}

	/**
	 * Nothing is coerced: every field of a webhook registration given a value of another
	 * JSON type (the description is optional, so it may be null), or a field the request
	 * does not have, is a 400 naming the field, and no webhook is registered.
	 */
	@Test
	void everyFieldOfTheWrongTypeIsRefusedByNameAndNothingIsRegistered() {
		String webhook = "{\"url\":\"http://127.0.0.1:9/hook\",\"eventTypes\":[\"shop.order.confirmed.v1\"],"
				+ "\"description\":\"typed\"}";
		WrongTypes.send("notification-service", this.port, "POST", "/api/webhooks",
				Map.of("Content-Type", "application/json", "Authorization", TestAdmin.authorization()), webhook,
				Set.of("/description"),
				() -> this.jdbc.queryForObject("select count(*) from webhook_endpoint", Long.class));
	}

	private Map<Integer, Integer> send(String webhook, Map<String, String> json, Map<String, String> admin) {
		return HostileRequests.send("notification-service", this.port, REQUESTS,
				(hostile) -> switch (hostile.random().nextInt(8)) {
					case 0 -> new Request("GET", "/api/notifications?orderId=" + hostile.pathSegment(),
							hostile.headers(json), null);
					case 1 -> new Request("GET", "/api/webhooks/" + hostile.pathSegment() + "/deliveries",
							hostile.headers(admin), null);
					case 2 -> new Request("POST", "/api/webhooks/" + hostile.pathSegment() + "/deliveries/"
							+ hostile.pathSegment() + "/retry", hostile.headers(admin), null);
					case 3 ->
						new Request("DELETE", "/api/webhooks/" + hostile.pathSegment(), hostile.headers(admin), null);
					case 4 -> new Request("POST", "/api/webhooks", hostile.headers(admin),
							webhook.getBytes(StandardCharsets.UTF_8));
					default ->
						new Request("POST", "/api/webhooks", hostile.headers(admin), hostile.mutatedJson(webhook));
				}, this::webhooksFingerprint);
	}

	/** Changes whenever any webhook endpoint row changes. */
	private long webhooksFingerprint() {
		return this.jdbc
			.queryForObject("select coalesce(md5(string_agg(w.id::text || w.status || w.url, ',' order by w.id)), '')"
					+ " from webhook_endpoint w", String.class)
			.hashCode();
	}

}
