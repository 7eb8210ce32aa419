package com.shop.notification.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.shop.events.Channel;
import com.shop.events.Envelope;
import com.shop.events.EventJson;
import com.shop.events.Money;
import com.shop.events.NotificationSent;
import com.shop.events.OrderConfirmed;
import com.shop.events.OrderLine;
import com.shop.events.OrderPlaced;
import com.shop.events.Topics;
import com.shop.notification.NotificationServiceTest;
import com.shop.testsupport.TestAdmin;
import com.shop.testsupport.TestEvents;
import com.shop.testsupport.TopicRecorder;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Webhooks as they run: order events from the real broker, deliveries to a real HTTP
 * receiver on loopback (allowed by the test settings), signatures checked with an
 * independent HMAC, retries on a sub-second schedule.
 */
class WebhookDeliveryIntegrationTest extends NotificationServiceTest {

	private static final String PLACED = "shop.order.placed.v1";

	private static final String CONFIRMED = "shop.order.confirmed.v1";

	private static TestEvents orders;

	private static HttpServer receiverServer;

	private static ExecutorService receiverThreads;

	private static TopicRecorder notifications;

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	private RestTestClient rest;

	@BeforeAll
	static void ordersTopicProducerAndReceiver() throws Exception {
		orders = new TestEvents();
		receiverThreads = Executors.newCachedThreadPool();
		receiverServer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
		receiverServer.setExecutor(receiverThreads);
		receiverServer.start();
	}

	@BeforeEach
	void setUp() {
		if (notifications == null) {
			notifications = TopicRecorder.record(Topics.NOTIFICATIONS);
		}
		// webhook management is an operator action: the admin's credentials
		this.rest = RestTestClient.bindToServer()
			.baseUrl("http://localhost:" + this.port)
			.defaultHeader("Authorization", TestAdmin.authorization())
			.build();
	}

	/** So that no endpoint of one test receives the events of the next. */
	@AfterEach
	void removeEndpoints() {
		for (WebhookJson webhook : webhooks()) {
			this.rest.delete().uri("/api/webhooks/{id}", webhook.id()).exchange().expectStatus().isNoContent();
			this.rest.get().uri("/api/webhooks/{id}", webhook.id()).exchange().expectStatus().isNotFound();
		}
	}

	@AfterAll
	static void close() {
		orders.close();
		receiverServer.stop(0);
		receiverThreads.shutdownNow();
		if (notifications != null) {
			notifications.close();
		}
	}

	@Test
	void deliveriesAreSignedAndFilteredByEventType() throws Exception {
		Receiver everything = new Receiver();
		Receiver confirmedOnly = new Receiver();
		RegisteredJson all = register(everything.url(), "*");
		RegisteredJson confirmed = register(confirmedOnly.url(), CONFIRMED);
		assertThat(all.secret()).startsWith("whsec_");
		assertThat(Base64.getDecoder().decode(all.secret().substring(6))).hasSizeBetween(24, 64);
		assertThat(all.eventTypes()).containsExactly("*");
		assertThat(all.status()).isEqualTo("ACTIVE");

		UUID orderId = UUID.randomUUID();
		Envelope placedEnvelope = orders.send(placed(orderId));
		Envelope confirmedEnvelope = orders.send(new OrderConfirmed(orderId, UUID.randomUUID(), Instant.now()));

		List<Received> got = everything.awaitRequests(2);
		assertThat(confirmedOnly.awaitRequests(1)).singleElement()
			.satisfies((request) -> assertThat(json(request.body()).get("type").asString()).isEqualTo(CONFIRMED));
		assertThat(deliveries(confirmed.id())).singleElement()
			.satisfies((delivery) -> assertThat(delivery.eventType()).isEqualTo(CONFIRMED));

		Received placedRequest = got.get(0);
		assertSigned(placedRequest, all.secret());
		assertThat(placedRequest.header("content-type")).isEqualTo("application/json");
		assertThat(placedRequest.header("user-agent")).startsWith("shop-webhooks/");
		assertThat(Long.parseLong(placedRequest.header("webhook-timestamp")))
			.isBetween(Instant.now().minusSeconds(300).getEpochSecond(), Instant.now().getEpochSecond());
		JsonNode body = json(placedRequest.body());
		assertThat(body.get("type").asString()).isEqualTo(PLACED);
		assertThat(Instant.parse(body.get("timestamp").asString())).isEqualTo(placedEnvelope.time());
		assertThat(body.get("data").get("orderId").asString()).isEqualTo(orderId.toString());
		assertThat(body.get("data").get("total").get("amount").asString()).isEqualTo("24.98");
		assertThat(body.get("data").get("items")).hasSize(2);
		assertThat(json(got.get(1).body()).get("type").asString()).isEqualTo(CONFIRMED);
		assertSigned(got.get(1), all.secret());

		// the webhook-id is the delivery's id, the same on every attempt
		List<DeliveryJson> delivered = awaitDeliveries(all.id(), 2, "SUCCEEDED");
		assertThat(delivered).extracting(DeliveryJson::eventType).containsExactly(CONFIRMED, PLACED);
		assertThat(delivered).extracting(DeliveryJson::eventId)
			.containsExactly(confirmedEnvelope.id(), placedEnvelope.id());
		assertThat(delivered.get(1).id().toString()).isEqualTo(placedRequest.header("webhook-id"));
		assertThat(delivered.get(1).orderId()).isEqualTo(orderId);
		assertThat(delivered.get(1).attempts()).isEqualTo(1);
		assertThat(delivered.get(1).nextAttemptAt()).isNull();
		assertThat(delivered.get(1).attemptLog()).singleElement()
			.satisfies((attempt) -> assertThat(attempt.statusCode()).isEqualTo(200));

		// announced like every notification
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(notifications.withKey(orderId.toString()))
				.extracting((record) -> EventJson.read(record.value(), NotificationSent.class))
				.contains(new NotificationSent(orderId, Channel.WEBHOOK, everything.url(), PLACED),
						new NotificationSent(orderId, Channel.WEBHOOK, everything.url(), CONFIRMED),
						new NotificationSent(orderId, Channel.WEBHOOK, confirmedOnly.url(), CONFIRMED)));
		System.out.printf("Webhook latency event -> receiver: placed %d ms, confirmed %d ms%n",
				Duration.between(placedEnvelope.time(), got.get(0).at()).toMillis(),
				Duration.between(confirmedEnvelope.time(), got.get(1).at()).toMillis());
	}

	/** One event at a time, so that it measures latency, not the consumer's backlog. */
	@Test
	void eventToWebhookLatencyIsLow() {
		Receiver receiver = new Receiver();
		register(receiver.url(), PLACED);
		int events = 20;
		long[] millis = new long[events];
		for (int i = 0; i < events; i++) {
			Instant eventTime = orders.send(placed(UUID.randomUUID())).time();
			millis[i] = Duration.between(eventTime, receiver.awaitRequests(i + 1).get(i).at()).toMillis();
		}
		Arrays.sort(millis);
		System.out.printf("Webhook latency event -> receiver over %d events: p50 %d ms, p90 %d ms, max %d ms%n", events,
				millis[events / 2], millis[events * 9 / 10], millis[events - 1]);
		assertThat(millis[events / 2]).isLessThan(1000);
	}

	@Test
	void failingReceiverIsRetriedUntilItAnswers2xx() {
		Receiver receiver = new Receiver(500, 500, 200);
		RegisteredJson webhook = register(receiver.url(), PLACED);
		orders.send(placed(UUID.randomUUID()));

		DeliveryJson delivery = awaitDeliveries(webhook.id(), 1, "SUCCEEDED").get(0);
		assertThat(delivery.attempts()).isEqualTo(3);
		assertThat(delivery.attemptLog()).extracting(AttemptJson::statusCode).containsExactly(500, 500, 200);
		assertThat(delivery.attemptLog()).allSatisfy((attempt) -> {
			assertThat(attempt.latencyMs()).isNotNull().isGreaterThanOrEqualTo(0);
			assertThat(attempt.responseSnippet()).startsWith("answer " + attempt.statusCode());
			assertThat(attempt.error()).isNull();
		});
		assertThat(delivery.lastAttemptAt()).isEqualTo(delivery.attemptLog().get(2).attemptedAt());
		// the same delivery each time: same id and body, a fresh timestamp and signature
		List<Received> got = receiver.received();
		assertThat(got).hasSize(3)
			.extracting((request) -> request.header("webhook-id"))
			.containsOnly(delivery.id().toString());
		assertThat(got).extracting(Received::body).containsOnly(got.get(0).body());
		got.forEach((request) -> assertSigned(request, webhook.secret()));
		assertThat(prometheus()).containsPattern("shop_webhooks_deliveries_total\\{outcome=\"retried\"} [1-9]")
			.containsPattern("shop_webhooks_deliveries_total\\{outcome=\"succeeded\"} [1-9]")
			.contains("shop_webhooks_attempt_latency_seconds_count");
	}

	@Test
	void retryAfterOf429IsHonoured() {
		Receiver receiver = new Receiver(429, 200);
		receiver.retryAfter = "1";
		RegisteredJson webhook = register(receiver.url(), PLACED);
		orders.send(placed(UUID.randomUUID()));

		DeliveryJson delivery = awaitDeliveries(webhook.id(), 1, "SUCCEEDED").get(0);
		assertThat(delivery.attemptLog()).extracting(AttemptJson::statusCode).containsExactly(429, 200);
		// the schedule says 200 ms, the receiver 1 s
		assertThat(Duration.between(delivery.attemptLog().get(0).attemptedAt(),
				delivery.attemptLog().get(1).attemptedAt()))
			.isGreaterThanOrEqualTo(Duration.ofMillis(950));
	}

	@Test
	void receiverThatKeepsFailingIsGivenUpAfterTheSchedule() {
		Receiver receiver = new Receiver(503, 503, 503, 503, 503);
		RegisteredJson webhook = register(receiver.url(), PLACED);
		orders.send(placed(UUID.randomUUID()));

		DeliveryJson delivery = awaitDeliveries(webhook.id(), 1, "FAILED").get(0);
		// the test schedule has three delays: four attempts
		assertThat(delivery.attemptLog()).extracting(AttemptJson::statusCode).containsExactly(503, 503, 503, 503);
		assertThat(delivery.nextAttemptAt()).isNull();
	}

	@Test
	void goneDisablesTheEndpoint() {
		Receiver gone = new Receiver(410);
		Receiver witness = new Receiver();
		RegisteredJson disabled = register(gone.url(), "*");
		register(witness.url(), "*");
		UUID orderId = UUID.randomUUID();
		orders.send(placed(orderId));

		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(webhook(disabled.id()).status()).isEqualTo("DISABLED"));
		assertThat(webhook(disabled.id()).disabledReason()).contains("410");
		DeliveryJson failed = deliveries(disabled.id()).get(0);
		assertThat(failed.status()).isEqualTo("FAILED");
		this.rest.post()
			.uri("/api/webhooks/{id}/deliveries/{deliveryId}/retry", disabled.id(), failed.id())
			.exchange()
			.expectStatus()
			.isEqualTo(409);

		orders.send(new OrderConfirmed(orderId, UUID.randomUUID(), Instant.now()));
		witness.awaitRequests(2);
		assertThat(deliveries(disabled.id())).hasSize(1);
		assertThat(gone.received()).hasSize(1);
	}

	@Test
	void targetsOutsideThePublicInternetAreRefused() {
		this.rest.post()
			.uri("/api/webhooks")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("url", "http://10.1.2.3/hook", "eventTypes", List.of("*")))
			.exchange()
			.expectStatus()
			.isEqualTo(422)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.detail")
			.value(String.class, (detail) -> assertThat(detail).contains("10.1.2.3", "private"))
			.jsonPath("$.errors[0].field")
			.isEqualTo("url");
		rejected(Map.of("url", "ftp://example.com/hook", "eventTypes", List.of("*")), "url", "http or https");
		rejected(Map.of("url", "https://user:secret@example.com/hook", "eventTypes", List.of("*")), "url", "user info");
		assertThat(webhooks()).isEmpty();
	}

	@Test
	void pendingDeliveryLeftByADeadInstanceIsDelivered() {
		Receiver receiver = new Receiver();
		RegisteredJson webhook = register(receiver.url(), PLACED);
		UUID orderId = UUID.randomUUID();
		UUID deliveryId = UUID.randomUUID();
		String body = "{\"type\":\"shop.order.placed.v1\",\"timestamp\":\"2025-03-01T10:15:30Z\",\"data\":{\"orderId\":\""
				+ orderId + "\"}}";
		OffsetDateTime expired = OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(1);
		// as an instance leaves it when it dies mid-send: leased, attempted once, the
		// lease
		// over
		this.jdbc.update(
				"insert into webhook_delivery (id, endpoint_id, event_id, event_type, order_id, event_time,"
						+ " body, status, attempts, next_attempt_at, in_flight_until, created_at)"
						+ " values (?, ?, ?, ?, ?, ?, ?, 'PENDING', 1, ?, ?, ?)",
				deliveryId, webhook.id(), UUID.randomUUID(), PLACED, orderId, expired.minusMinutes(1), body, expired,
				expired, expired.minusMinutes(1));

		Received request = receiver.awaitRequests(1).get(0);
		assertThat(request.header("webhook-id")).isEqualTo(deliveryId.toString());
		assertThat(request.body()).isEqualTo(body);
		assertSigned(request, webhook.secret());
		assertThat(awaitDeliveries(webhook.id(), 1, "SUCCEEDED").get(0).attempts()).isEqualTo(2);
	}

	@Test
	void slowEndpointDoesNotDelayOthers() {
		Receiver slow = new Receiver();
		slow.delay = Duration.ofSeconds(5);
		Receiver fast = new Receiver();
		register(slow.url(), PLACED);
		register(fast.url(), PLACED);

		for (int i = 0; i < 6; i++) {
			orders.send(placed(UUID.randomUUID()));
		}
		List<Received> got = fast.awaitRequests(6);
		List<Long> latencies = got.stream()
			.map((request) -> Duration
				.between(Instant.parse(json(request.body()).get("timestamp").asString()), request.at())
				.toMillis())
			.toList();
		System.out.println("Fast endpoint latencies next to a 5 s one (ms): " + latencies);
		assertThat(latencies).allSatisfy((millis) -> assertThat(millis).isLessThan(1500));
		// at most two deliveries to the slow endpoint are in flight at once
		assertThat(slow.received()).hasSizeLessThanOrEqualTo(2);
	}

	@Test
	void failedDeliveryCanBeRetriedByHand() {
		Receiver receiver = new Receiver(400, 200);
		RegisteredJson webhook = register(receiver.url(), PLACED);
		orders.send(placed(UUID.randomUUID()));
		DeliveryJson failed = awaitDeliveries(webhook.id(), 1, "FAILED").get(0);
		assertThat(failed.attemptLog()).extracting(AttemptJson::statusCode).containsExactly(400);

		this.rest.post()
			.uri("/api/webhooks/{id}/deliveries/{deliveryId}/retry", webhook.id(), failed.id())
			.exchange()
			.expectStatus()
			.isAccepted();

		DeliveryJson retried = awaitDeliveries(webhook.id(), 1, "SUCCEEDED").get(0);
		assertThat(retried.attemptLog()).extracting(AttemptJson::statusCode).containsExactly(400, 200);
		this.rest.post()
			.uri("/api/webhooks/{id}/deliveries/{deliveryId}/retry", webhook.id(), UUID.randomUUID())
			.exchange()
			.expectStatus()
			.isNotFound();
		this.rest.post()
			.uri("/api/webhooks/{id}/deliveries/{deliveryId}/retry", UUID.randomUUID(), failed.id())
			.exchange()
			.expectStatus()
			.isNotFound();
	}

	@Test
	void rotatedSecretSignsNextToThePreviousOneDuringTheGrace() {
		Receiver receiver = new Receiver();
		RegisteredJson webhook = register(receiver.url(), PLACED);
		SecretJson rotated = this.rest.post()
			.uri("/api/webhooks/{id}/secret/rotate", webhook.id())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(SecretJson.class)
			.returnResult()
			.getResponseBody();
		assertThat(rotated.id()).isEqualTo(webhook.id());
		assertThat(rotated.secret()).startsWith("whsec_").isNotEqualTo(webhook.secret());
		// the secret is shown at registration and rotation only
		this.rest.get()
			.uri("/api/webhooks/{id}", webhook.id())
			.exchange()
			.expectBody()
			.jsonPath("$.secret")
			.doesNotExist()
			.jsonPath("$.url")
			.isEqualTo(receiver.url());
		// and stored encrypted: the database alone does not give it away
		Map<String, Object> stored = this.jdbc
			.queryForMap("select secret, previous_secret from webhook_endpoint where id = ?", webhook.id());
		assertThat(stored.values()).allSatisfy((value) -> assertThat((String) value).startsWith("aesgcm:v1:")
			.doesNotContain(rotated.secret().substring(6), webhook.secret().substring(6)));

		orders.send(placed(UUID.randomUUID()));
		Received request = receiver.awaitRequests(1).get(0);
		String[] signatures = request.header("webhook-signature").split(" ");
		assertThat(signatures).hasSize(2);
		String signed = request.header("webhook-id") + "." + request.header("webhook-timestamp") + "." + request.body();
		assertThat(signatures).containsExactlyInAnyOrder("v1," + hmac(rotated.secret(), signed),
				"v1," + hmac(webhook.secret(), signed));
	}

	@Test
	void malformedRequestsAreProblems() {
		badRequest("{\"url\": ", null);
		badRequest("[]", null);
		badRequest("{\"eventTypes\": [\"*\"]}", "url");
		badRequest("{\"url\": \"https://example.com/hook\"}", "eventTypes");
		badRequest("{\"url\": \"https://example.com/hook\", \"eventTypes\": []}", "eventTypes");
		badRequest("{\"url\": \"https://example.com/hook\", \"eventTypes\": \"*\"}", null);
		badRequest("{\"url\": \"https://example.com/hook\", \"eventTypes\": [null]}", null);
		rejected(Map.of("url", "https://example.com/hook", "eventTypes", List.of("shop.payment.completed.v1")),
				"eventTypes", "allowed: shop.order.placed.v1, shop.order.payment-requested.v1");
		rejected(Map.of("url", "not a url", "eventTypes", List.of("*")), "url", "URL");
		this.rest.get().uri("/api/webhooks/not-a-uuid").exchange().expectStatus().isBadRequest();
		this.rest.get().uri("/api/webhooks/{id}", UUID.randomUUID()).exchange().expectStatus().isNotFound();
		this.rest.delete().uri("/api/webhooks/{id}", UUID.randomUUID()).exchange().expectStatus().isNotFound();
		this.rest.get()
			.uri("/api/webhooks/{id}/deliveries", UUID.randomUUID())
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		RegisteredJson webhook = register("http://127.0.0.1:9/hook", "*");
		this.rest.get()
			.uri("/api/webhooks/{id}/deliveries?limit=501", webhook.id())
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		this.rest.get().uri("/api/webhooks/{id}/deliveries?limit=500", webhook.id()).exchange().expectStatus().isOk();
	}

	private void badRequest(String body, String field) {
		var response = this.rest.post()
			.uri("/api/webhooks")
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody();
		if (field != null) {
			response.jsonPath("$.errors[0].field").isEqualTo(field);
		}
	}

	private void rejected(Map<String, Object> body, String field, String message) {
		this.rest.post()
			.uri("/api/webhooks")
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo(field)
			.jsonPath("$.errors[0].message")
			.value(String.class, (text) -> assertThat(text).contains(message));
	}

	private RegisteredJson register(String url, String... eventTypes) {
		RegisteredJson registered = this.rest.post()
			.uri("/api/webhooks")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("url", url, "eventTypes", List.of(eventTypes), "description", "test receiver"))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(RegisteredJson.class)
			.returnResult()
			.getResponseBody();
		assertThat(registered.url()).isEqualTo(url);
		assertThat(registered.description()).isEqualTo("test receiver");
		assertThat(registered.createdAt()).isNotNull();
		return registered;
	}

	private List<WebhookJson> webhooks() {
		return List.of(this.rest.get()
			.uri("/api/webhooks")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(WebhookJson[].class)
			.returnResult()
			.getResponseBody());
	}

	private WebhookJson webhook(UUID id) {
		return this.rest.get()
			.uri("/api/webhooks/{id}", id)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(WebhookJson.class)
			.returnResult()
			.getResponseBody();
	}

	private List<DeliveryJson> deliveries(UUID webhookId) {
		return List.of(this.rest.get()
			.uri("/api/webhooks/{id}/deliveries", webhookId)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(DeliveryJson[].class)
			.returnResult()
			.getResponseBody());
	}

	private List<DeliveryJson> awaitDeliveries(UUID webhookId, int count, String status) {
		return await().atMost(Duration.ofSeconds(10))
			.until(() -> deliveries(webhookId), (found) -> found.size() == count
					&& found.stream().allMatch((delivery) -> delivery.status().equals(status)));
	}

	private String prometheus() {
		return this.rest.get()
			.uri("/actuator/prometheus")
			.accept(MediaType.TEXT_PLAIN)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
	}

	private static void assertSigned(Received request, String secret) {
		String signed = request.header("webhook-id") + "." + request.header("webhook-timestamp") + "." + request.body();
		assertThat(request.header("webhook-signature")).isEqualTo("v1," + hmac(secret, signed));
	}

	/**
	 * Standard Webhooks' signature, computed here independently of the service's code.
	 */
	private static String hmac(String secret, String content) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
			return Base64.getEncoder().encodeToString(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static JsonNode json(String body) {
		return EventJson.mapper().readTree(body);
	}

	private static OrderPlaced placed(UUID orderId) {
		return new OrderPlaced(orderId, "customer-1", "customer-" + orderId + "@example.com",
				List.of(new OrderLine("SKU-1", 2, Money.of("9.99", "EUR")),
						new OrderLine("SKU-2", 1, Money.of("5.00", "EUR"))),
				Money.of("24.98", "EUR"), "tok_visa", Instant.parse("2025-03-01T10:15:30Z"));
	}

	/**
	 * One webhook receiver on the test's HTTP server: answers the given statuses in turn,
	 * then 200, each after {@code delay}, and records every request.
	 */
	private static final class Receiver {

		private final String path = "/hook-" + UUID.randomUUID();

		private final Deque<Integer> answers = new ConcurrentLinkedDeque<>();

		private final List<Received> received = new CopyOnWriteArrayList<>();

		volatile Duration delay = Duration.ZERO;

		volatile String retryAfter;

		Receiver(Integer... answers) {
			this.answers.addAll(List.of(answers));
			receiverServer.createContext(this.path, this::handle);
		}

		String url() {
			return "http://127.0.0.1:" + receiverServer.getAddress().getPort() + this.path;
		}

		List<Received> received() {
			return List.copyOf(this.received);
		}

		List<Received> awaitRequests(int count) {
			return await().atMost(Duration.ofSeconds(10)).until(this::received, (got) -> got.size() >= count);
		}

		private void handle(HttpExchange exchange) throws IOException {
			Instant at = Instant.now();
			try (InputStream in = exchange.getRequestBody()) {
				Map<String, String> headers = new ConcurrentHashMap<>();
				exchange.getRequestHeaders()
					.forEach((name, values) -> headers.put(name.toLowerCase(), String.join(",", values)));
				this.received.add(new Received(at, headers, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
				Thread.sleep(this.delay.toMillis());
				Integer next = this.answers.poll();
				int status = (next != null) ? next : 200;
				if (this.retryAfter != null) {
					exchange.getResponseHeaders().add("Retry-After", this.retryAfter);
				}
				byte[] answer = ("answer " + status).getBytes(StandardCharsets.UTF_8);
				exchange.sendResponseHeaders(status, answer.length);
				exchange.getResponseBody().write(answer);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			finally {
				exchange.close();
			}
		}

	}

	/** One request a receiver got, with lower-case header names. */
	private record Received(Instant at, Map<String, String> headers, String body) {

		String header(String name) {
			return this.headers.get(name);
		}

	}

	record RegisteredJson(UUID id, String secret, String url, List<String> eventTypes, String description,
			String status, Instant createdAt) {
	}

	record WebhookJson(UUID id, String url, List<String> eventTypes, String description, String status,
			String disabledReason, Instant createdAt) {
	}

	record SecretJson(UUID id, String secret) {
	}

	record DeliveryJson(UUID id, UUID eventId, String eventType, UUID orderId, String status, int attempts,
			Instant nextAttemptAt, Instant createdAt, Instant lastAttemptAt, List<AttemptJson> attemptLog) {
	}

	record AttemptJson(Instant attemptedAt, Integer statusCode, Long latencyMs, String responseSnippet, String error) {
	}

}
