package com.shop.order;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.shop.events.Envelope;
import com.shop.events.EventType;
import com.shop.events.Money;
import com.shop.events.PaymentCompleted;
import com.shop.events.PaymentFailed;
import com.shop.events.PaymentFailureReason;
import com.shop.events.ProductUpserted;
import com.shop.events.RejectionReason;
import com.shop.events.StockLine;
import com.shop.events.StockRejected;
import com.shop.events.StockReserved;
import com.shop.events.StockShortage;
import com.shop.events.Topics;
import com.shop.testsupport.IntegrationTest;
import com.shop.testsupport.RawHttp;
import com.shop.testsupport.TestEvents;
import com.shop.testsupport.TopicRecorder;
import com.shop.testsupport.TestAdmin;
import com.zaxxer.hikari.HikariDataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;

import static com.shop.testsupport.TopicRecorder.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * order-service as it runs, against real PostgreSQL and Kafka; inventory and payment are
 * played by the test, which puts their events on their topics.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class OrderServiceIntegrationTest {

	private static final String SKU = "IT-KEYBOARD";

	private static final String RETIRED_SKU = "IT-RETIRED";

	private static final JsonMapper json = JsonMapper.builder().build();

	private static TestEvents events;

	private static TopicRecorder orders;

	private static TopicRecorder inventoryDeadLetters;

	@LocalServerPort
	int port;

	@Autowired
	OrderProcess process;

	@Autowired
	CatalogProducts catalog;

	@Autowired
	HikariDataSource pool;

	@Autowired
	UserDetailsService accounts;

	RestTestClient http;

	@BeforeAll
	static void publishCatalog() {
		events = new TestEvents();
		orders = TopicRecorder.record(Topics.ORDERS);
		inventoryDeadLetters = TopicRecorder.record(Topics.deadLetter(Topics.INVENTORY));
		events.send(new ProductUpserted(SKU, "Test keyboard", Money.of("10.00", "EUR"), true));
		events.send(new ProductUpserted(RETIRED_SKU, "Retired thing", Money.of("5.00", "EUR"), false));
	}

	@AfterAll
	static void close() {
		orders.close();
		inventoryDeadLetters.close();
		events.close();
	}

	@BeforeEach
	void setUp() {
		this.http = RestTestClient.bindToServer().baseUrl("http://localhost:" + this.port).build();
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(this.catalog.findAllById(List.of(SKU, RETIRED_SKU))).hasSize(2));
	}

	@Test
	void placingAnswers202WithThePendingOrderAndPublishesOrderPlaced() {
		String body = this.http.post()
			.uri("/api/orders")
			.contentType(MediaType.APPLICATION_JSON)
			.body(orderJson("cust-1", SKU, 3, "tok_visa"))
			.exchange()
			.expectStatus()
			.isAccepted()
			.expectHeader()
			.valueMatches("Location", "/api/orders/[0-9a-f-]{36}")
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		JsonNode placed = json.readTree(body);
		String orderId = placed.get("orderId").asString();
		assertThat(placed.get("status").asString()).isEqualTo("PENDING");
		assertThat(placed.get("total").get("amount").asString()).isEqualTo("30.00");
		assertThat(placed.get("total").get("currency").asString()).isEqualTo("EUR");
		assertThat(placed.get("placedAt").asString()).isNotBlank();

		ConsumerRecord<String, byte[]> record = awaitEvent(orderId, EventType.ORDER_PLACED);
		assertThat(header(record, Envelope.SPECVERSION)).isEqualTo("1.0");
		assertThat(header(record, Envelope.ID)).isNotBlank();
		assertThat(header(record, Envelope.SOURCE)).isEqualTo("/order-service");
		assertThat(header(record, Envelope.SUBJECT)).isEqualTo(orderId);
		assertThat(header(record, Envelope.TIME)).isNotBlank();
		assertThat(header(record, Envelope.CONTENT_TYPE)).isEqualTo("application/json");
		assertThat(header(record, Envelope.TRACEPARENT)).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
		JsonNode payload = json.readTree(record.value());
		assertThat(payload.get("customerEmail").asString()).isEqualTo("cust-1@example.com");
		assertThat(payload.get("items").get(0).get("unitPrice").get("amount").asString()).isEqualTo("10.00");
		assertThat(payload.get("paymentMethod").asString()).isEqualTo("tok_visa");

		JsonNode view = getOrder(orderId);
		assertThat(view.get("status").asString()).isEqualTo("PENDING");
		assertThat(view.get("items").get(0).get("quantity").asInt()).isEqualTo(3);
	}

	@Test
	void aClientPlacingTooFastGets429WhileOtherClientsProceedAndNothingIsPlacedForTheRefused() throws IOException {
		// two clients: two loopback source addresses, as the server sees them
		String customer = "burst-" + UUID.randomUUID();
		String body = orderJson(customer, SKU, 1, "tok_visa");
		int accepted = 0;
		String refused = null;
		for (int i = 0; i < 120 && refused == null; i++) {
			String response = rawPost("127.0.0.7", body);
			if (response.startsWith("HTTP/1.1 202")) {
				accepted++;
			}
			else {
				refused = response;
			}
		}
		assertThat(refused).as("a burst of placements is limited").isNotNull().startsWith("HTTP/1.1 429");
		assertThat(refused).containsPattern("(?i)retry-after: [1-9]")
			.containsIgnoringCase("content-type: application/problem+json")
			.contains("\"status\":429", "127.0.0.7");
		assertThat(rawPost("127.0.0.8", orderJson("other-" + customer, SKU, 1, "tok_visa")))
			.as("another client proceeds")
			.startsWith("HTTP/1.1 202");
		JsonNode placed = json.readTree(this.http.get()
			.uri("/api/orders?customerId={c}&size=100", customer)
			.exchange()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody());
		assertThat(placed.get("content")).as("only the accepted placements exist").hasSize(accepted);
	}

	@Test
	void aClientThatSendsItsRequestTooSlowlyIsCutOff() throws IOException {
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), this.port)) {
			socket.setSoTimeout(15_000);
			socket.getOutputStream()
				.write("POST /api/orders HTTP/1.1\r\nHost: localh".getBytes(StandardCharsets.US_ASCII));
			long started = System.nanoTime();
			// the server gives up on the unfinished request and closes the connection
			int read = socket.getInputStream().read();
			long waited = (System.nanoTime() - started) / 1_000_000;
			assertThat(read).isEqualTo(-1);
			assertThat(waited).isBetween(3_000L, 10_000L);
		}
	}

	/**
	 * A POST /api/orders from the given local address, over a plain socket: the raw
	 * response head.
	 */
	private String rawPost(String fromAddress, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), this.port, InetAddress.getByName(fromAddress),
				0)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(("POST /api/orders HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
					+ "Content-Length: " + bytes.length + "\r\nConnection: close\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			out.write(bytes);
			out.flush();
			return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	@Test
	void aNulCharacterInAFieldIsRefusedAs400NamingTheField() {
		expectProblem(orderJson("c", SKU, 1, "tok_\\u0000visa"), 400).jsonPath("$.errors[0].field")
			.isEqualTo("paymentMethod");
		RawHttp.Response query = RawHttp.exchange(this.port, "127.0.0.1", "GET", "/api/orders?customerId=c%00",
				Map.of(), null);
		assertThat(query.status()).isEqualTo(400);
		assertThat(query.header("content-type")).startsWith("application/problem+json");
	}

	@Test
	void theStorePageMayPlaceOrdersFromItsOriginButOtherSitesMayNot() {
		this.http.options()
			.uri("/api/orders")
			.header("Origin", "http://localhost:8083")
			.header("Access-Control-Request-Method", "POST")
			.header("Access-Control-Request-Headers", "content-type, idempotency-key")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("Access-Control-Allow-Origin", "http://localhost:8083");
		this.http.options()
			.uri("/api/orders")
			.header("Origin", "https://evil.example")
			.header("Access-Control-Request-Method", "POST")
			.exchange()
			.expectStatus()
			.isForbidden();
	}

	@Test
	void reservedThenPaidOrderIsConfirmedAndItsTimelineIsInOrder() {
		UUID orderId = place("cust-2", 2, "tok_visa");
		events.send(new StockReserved(orderId, List.of(new StockLine(SKU, 2))));
		awaitStatus(orderId, "RESERVED");
		JsonNode paymentRequested = json.readTree(awaitEvent(orderId.toString(), EventType.PAYMENT_REQUESTED).value());
		assertThat(paymentRequested.get("amount").get("amount").asString()).isEqualTo("20.00");

		UUID paymentId = UUID.randomUUID();
		events.send(new PaymentCompleted(orderId, paymentId, Money.of("20.00", "EUR")));
		awaitStatus(orderId, "CONFIRMED");
		JsonNode confirmed = json.readTree(awaitEvent(orderId.toString(), EventType.ORDER_CONFIRMED).value());
		assertThat(confirmed.get("paymentId").asString()).isEqualTo(paymentId.toString());

		JsonNode timeline = json.readTree(this.http.get()
			.uri("/api/orders/{id}/events", orderId)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody());
		assertThat(timeline.valueStream().map((entry) -> entry.get("type").asString())).containsExactly(
				"shop.order.placed.v1", "shop.inventory.stock-reserved.v1", "shop.order.payment-requested.v1",
				"shop.payment.completed.v1", "shop.order.confirmed.v1");
		assertThat(timeline.get(0).get("data").get("orderId").asString()).isEqualTo(orderId.toString());
		assertThat(timeline.get(1).get("source").asString()).isEqualTo("/test");
	}

	@Test
	void rejectedStockCancelsTheOrderWithTheReason() {
		UUID orderId = place("cust-3", 5, "tok_visa");
		events.send(new StockRejected(orderId, RejectionReason.OUT_OF_STOCK, List.of(new StockShortage(SKU, 5, 1))));
		JsonNode order = awaitStatus(orderId, "CANCELLED");
		assertThat(order.get("cancellationReason").asString()).isEqualTo("OUT_OF_STOCK");
		JsonNode cancelled = json.readTree(awaitEvent(orderId.toString(), EventType.ORDER_CANCELLED).value());
		assertThat(cancelled.get("detail").asString()).contains("requested 5, available 1");
	}

	@Test
	void declinedPaymentCancelsTheOrder() {
		UUID orderId = place("cust-4", 1, "tok_chargeDeclined");
		events.send(new StockReserved(orderId, List.of(new StockLine(SKU, 1))));
		awaitStatus(orderId, "RESERVED");
		events.send(new PaymentFailed(orderId, PaymentFailureReason.DECLINED, "card declined"));
		assertThat(awaitStatus(orderId, "CANCELLED").get("cancellationReason").asString())
			.isEqualTo("PAYMENT_DECLINED");
	}

	@Test
	void paymentThatCompletesAfterCancellationIsRefunded() {
		UUID orderId = place("cust-5", 1, "tok_visa");
		events.send(new StockReserved(orderId, List.of(new StockLine(SKU, 1))));
		awaitStatus(orderId, "RESERVED");
		this.http.post().uri("/api/orders/{id}/cancel", orderId).exchange().expectStatus().isAccepted();
		UUID paymentId = UUID.randomUUID();
		events.send(new PaymentCompleted(orderId, paymentId, Money.of("10.00", "EUR")));

		JsonNode refund = json.readTree(awaitEvent(orderId.toString(), EventType.REFUND_REQUESTED).value());
		assertThat(refund.get("paymentId").asString()).isEqualTo(paymentId.toString());
		assertThat(refund.get("amount").get("amount").asString()).isEqualTo("10.00");
		JsonNode order = getOrder(orderId.toString());
		assertThat(order.get("status").asString()).isEqualTo("CANCELLED");
		assertThat(order.get("cancellationReason").asString()).isEqualTo("CUSTOMER_REQUEST");
	}

	@Test
	void redeliveredEventChangesNothing() {
		UUID orderId = place("cust-6", 1, "tok_visa");
		StockReserved reserved = new StockReserved(orderId, List.of(new StockLine(SKU, 1)));
		Envelope envelope = events.send(reserved);
		events.send(envelope, reserved);
		// a second, distinct StockReserved does not fit the RESERVED state either
		events.send(reserved);
		awaitStatus(orderId, "RESERVED");
		UUID marker = place("cust-6", 1, "tok_visa");
		events.send(new StockReserved(marker, List.of(new StockLine(SKU, 1))));
		awaitStatus(marker, "RESERVED");
		await().during(Duration.ofMillis(300))
			.atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(eventsOf(orderId.toString(), EventType.PAYMENT_REQUESTED)).hasSize(1));
	}

	@Test
	void sameIdempotencyKeyAndBodyAnswersTheSameOrder() {
		String key = UUID.randomUUID().toString();
		String first = placeWithKey(key, orderJson("cust-7", SKU, 1, "tok_visa"));
		String second = placeWithKey(key, orderJson("cust-7", SKU, 1, "tok_visa"));
		assertThat(second).isEqualTo(first);
		awaitEvent(first, EventType.ORDER_PLACED);
		assertThat(eventsOf(first, EventType.ORDER_PLACED)).hasSize(1);

		this.http.post()
			.uri("/api/orders")
			.header("Idempotency-Key", key)
			.contentType(MediaType.APPLICATION_JSON)
			.body(orderJson("cust-7", SKU, 2, "tok_visa"))
			.exchange()
			.expectStatus()
			.isEqualTo(409)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.detail")
			.value(String.class, (detail) -> assertThat(detail).contains(key));
	}

	@Test
	void clientMistakesGetProblemDetails() {
		expectProblem("{\"customerId\":\"\",\"items\":[],\"paymentMethod\":\"tok_visa\"}", 400)
			.jsonPath("$.errors[*].field")
			.value(List.class, (fields) -> assertThat(fields).contains("customerId", "customerEmail", "items"));
		expectProblem(orderJson("c", SKU, 0, "tok_visa"), 400).jsonPath("$.errors[0].field")
			.isEqualTo("items[0].quantity");
		expectProblem("{\"customerId\":\"c\",", 400).jsonPath("$.detail")
			.value(String.class, (detail) -> assertThat(detail).startsWith("The body is not valid JSON"));
		expectProblem("{\"customerId\":\"c\",\"customerEmail\":\"c@example.com\",\"paymentMethod\":\"tok_visa\","
				+ "\"items\":[{\"sku\":\"" + SKU + "\",\"quantity\":\"many\"}]}", 400)
			.jsonPath("$.errors[0].field")
			.isEqualTo("items[0].quantity");
		expectProblem("{\"customerId\":\"c\",\"customerEmail\":\"c@example.com\",\"paymentMethod\":\"tok_visa\","
				+ "\"items\":[{\"sku\":\"" + SKU + "\",\"quantity\":1},{\"sku\":\"" + SKU + "\",\"quantity\":2}]}", 400)
			.jsonPath("$.errors[0].field")
			.isEqualTo("items[1].sku");
		expectProblem(orderJson("c", "NO-SUCH-SKU", 1, "tok_visa"), 422).jsonPath("$.errors[0].message")
			.isEqualTo("unknown product NO-SUCH-SKU");
		expectProblem(orderJson("c", RETIRED_SKU, 1, "tok_visa"), 422).jsonPath("$.errors[0].field")
			.isEqualTo("items[0].sku");

		this.http.post()
			.uri("/api/orders")
			.contentType(MediaType.TEXT_PLAIN)
			.body("hello")
			.exchange()
			.expectStatus()
			.isEqualTo(415)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		this.http.get()
			.uri("/api/orders/{id}", UUID.randomUUID())
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		this.http.get()
			.uri("/api/orders/not-a-uuid")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		this.http.get()
			.uri("/api/orders?size=1000&status=LOST")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		this.http.get().uri("/api/orders/{id}/events", UUID.randomUUID()).exchange().expectStatus().isNotFound();
	}

	@Test
	void aPlacementThatFindsNoFreeDatabaseConnectionIsA503ToRetryNotA500() throws SQLException {
		List<Connection> held = new ArrayList<>();
		try {
			// every pooled connection busy, as under overload
			while (held.size() < this.pool.getMaximumPoolSize()) {
				held.add(this.pool.getConnection());
			}
			this.http.post()
				.uri("/api/orders")
				.contentType(MediaType.APPLICATION_JSON)
				.body(orderJson("overload", SKU, 1, "tok_visa"))
				.exchange()
				.expectStatus()
				.isEqualTo(503)
				.expectHeader()
				.valueEquals("Retry-After", "1")
				.expectHeader()
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.expectBody()
				.jsonPath("$.detail")
				.value(String.class, (detail) -> assertThat(detail).contains("try again"));
		}
		finally {
			for (Connection connection : held) {
				connection.close();
			}
		}
		place("overload", 1, "tok_visa");
	}

	@Test
	void confirmedOrderCannotBeCancelled() {
		UUID orderId = place("cust-8", 1, "tok_visa");
		events.send(new StockReserved(orderId, List.of(new StockLine(SKU, 1))));
		awaitStatus(orderId, "RESERVED");
		events.send(new PaymentCompleted(orderId, UUID.randomUUID(), Money.of("10.00", "EUR")));
		awaitStatus(orderId, "CONFIRMED");
		this.http.post()
			.uri("/api/orders/{id}/cancel", orderId)
			.exchange()
			.expectStatus()
			.isEqualTo(409)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void ordersOpenForTooLongAreCancelledWithTimeout() {
		UUID orderId = place("cust-9", 1, "tok_visa");
		assertThat(this.process.cancelStale(Duration.ZERO, 1000)).isPositive();
		assertThat(awaitStatus(orderId, "CANCELLED").get("cancellationReason").asString()).isEqualTo("TIMEOUT");
		awaitEvent(orderId.toString(), EventType.ORDER_CANCELLED);
	}

	@Test
	void ordersCanBeListedByCustomerAndStatus() {
		String customer = "cust-" + UUID.randomUUID();
		place(customer, 1, "tok_visa");
		place(customer, 2, "tok_visa");
		JsonNode page = json.readTree(this.http.get()
			.uri("/api/orders?customerId={c}&status=PENDING&size=1", customer)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody());
		assertThat(page.get("totalElements").asInt()).isEqualTo(2);
		assertThat(page.get("totalPages").asInt()).isEqualTo(2);
		assertThat(page.get("content")).hasSize(1);
		assertThat(page.get("content").get(0).get("customerId").asString()).isEqualTo(customer);
	}

	@Test
	void brokenRecordIsDeadLetteredAndTheOrderBehindItStillSettles() {
		UUID orderId = place("cust-10", 1, "tok_visa");
		Envelope envelope = Envelope.create("/test", EventType.STOCK_RESERVED, orderId.toString(), null);
		events.send(Topics.INVENTORY, orderId.toString(), envelope.toHeaders(), "{not json".getBytes());
		events.send(Topics.INVENTORY, orderId.toString(), Map.of("ce_type", "shop.inventory.stock-reserved.v1"),
				"{}".getBytes());
		events.send(new StockReserved(orderId, List.of(new StockLine(SKU, 1))));
		awaitStatus(orderId, "RESERVED");
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(inventoryDeadLetters.withKey(orderId.toString())).hasSize(2));
		ConsumerRecord<String, byte[]> dead = inventoryDeadLetters.withKey(orderId.toString()).get(0);
		assertThat(header(dead, "kafka_dlt-exception-message")).contains("not a valid StockReserved");
		assertThat(header(dead, "kafka_dlt-original-topic")).isEqualTo(Topics.INVENTORY);
		assertThat(header(dead, Envelope.ID)).isEqualTo(envelope.id().toString());
		assertThat(header(inventoryDeadLetters.withKey(orderId.toString()).get(1), "kafka_dlt-exception-message"))
			.contains("missing header ce_specversion");
	}

	@Test
	void readinessCoversTheDatabaseAndTheBroker() {
		this.http.get()
			.uri("/actuator/health/readiness")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.components.db.status")
			.isEqualTo("UP")
			.jsonPath("$.components.kafka.status")
			.isEqualTo("UP")
			.jsonPath("$.components.kafka.details.nodes")
			.isEqualTo(1);
		this.http.get().uri("/v3/api-docs").exchange().expectStatus().isOk();
		this.http.get().uri("/actuator/prometheus").exchange().expectStatus().isUnauthorized();
		this.http.get()
			.uri("/actuator/prometheus")
			.header("Authorization", TestAdmin.authorization())
			.exchange()
			.expectStatus()
			.isOk();
		// still the plain password, compared in constant time: Spring Security did not
		// upgrade it to bcrypt, which would cost every admin request ~70 ms of CPU
		assertThat(this.accounts.loadUserByUsername(TestAdmin.USER).getPassword()).startsWith("{noop}");
	}

	@Test
	void oneOrderIsOneTraceFromTheRequestThroughEveryEvent(CapturedOutput output) {
		EntityExchangeResult<String> placing = this.http.post()
			.uri("/api/orders")
			.contentType(MediaType.APPLICATION_JSON)
			.body(orderJson("cust-11", SKU, 1, "tok_visa"))
			.exchange()
			.expectStatus()
			.isAccepted()
			.expectBody(String.class)
			.returnResult();
		String requestTraceId = placing.getResponseHeaders().getFirst("X-Trace-Id");
		assertThat(requestTraceId).matches("[0-9a-f]{32}");
		String orderId = json.readTree(placing.getResponseBody()).get("orderId").asString();
		ConsumerRecord<String, byte[]> placed = awaitEvent(orderId, EventType.ORDER_PLACED);
		assertThat(placed.headers().headers(Envelope.TRACEPARENT)).hasSize(1);
		assertThat(traceIdOf(placed)).isEqualTo(requestTraceId);

		// inventory answers within the trace of the OrderPlaced it consumed
		String inventoryTraceId = UUID.randomUUID().toString().replace("-", "");
		String inventorySpan = "00-" + inventoryTraceId + "-00f067aa0ba902b7-01";
		StockReserved reserved = new StockReserved(UUID.fromString(orderId), List.of(new StockLine(SKU, 1)));
		events.send(new Envelope(UUID.randomUUID(), "/test", EventType.STOCK_RESERVED.typeName(), Instant.now(),
				orderId, inventorySpan), reserved);
		ConsumerRecord<String, byte[]> requested = awaitEvent(orderId, EventType.PAYMENT_REQUESTED);
		assertThat(requested.headers().headers(Envelope.TRACEPARENT)).hasSize(1);
		assertThat(header(requested, Envelope.TRACEPARENT)).startsWith("00-" + inventoryTraceId + "-")
			.doesNotContain("00f067aa0ba902b7");

		// a late duplicate is logged with the trace and the order it is about
		events.send(new Envelope(UUID.randomUUID(), "/test", EventType.STOCK_RESERVED.typeName(), Instant.now(),
				orderId, inventorySpan), reserved);
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(output.getOut()).containsPattern("\\[" + inventoryTraceId
					+ "-[0-9a-f]{16}\\] orderId=" + orderId + " .*StockReserved recorded and ignored"));
	}

	@Test
	void settledOrdersAndTheOutboxAreMeasured() {
		String before = prometheus();
		UUID orderId = place("cust-12", 1, "tok_visa");
		events.send(new StockReserved(orderId, List.of(new StockLine(SKU, 1))));
		awaitStatus(orderId, "RESERVED");
		events.send(new PaymentCompleted(orderId, UUID.randomUUID(), Money.of("10.00", "EUR")));
		awaitStatus(orderId, "CONFIRMED");
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			String after = prometheus();
			assertThat(sample(after, "shop_orders_placed_total"))
				.isGreaterThan(sample(before, "shop_orders_placed_total"));
			assertThat(sample(after, "shop_orders_confirmed_total"))
				.isGreaterThan(sample(before, "shop_orders_confirmed_total"));
			assertThat(sample(after, "shop_orders_settle_seconds_count", "outcome=\"confirmed\""))
				.isGreaterThan(sample(before, "shop_orders_settle_seconds_count", "outcome=\"confirmed\""));
			assertThat(sample(after, "shop_events_consumed_total", "outcome=\"handled\"",
					"type=\"shop.payment.completed.v1\""))
				.isPositive();
			assertThat(sample(after, "shop_outbox_published_total", "topic=\"orders\"")).isPositive();
		});
		String after = prometheus();
		assertThat(after).containsPattern("(?m)^shop_outbox_backlog [0-9]")
			.containsPattern("(?m)^shop_outbox_oldest_age_seconds [0-9]");
		assertThat(after).contains("shop_orders_settle_seconds_bucket{",
				"shop_orders_cancelled_total{reason=\"TIMEOUT\"",
				"shop_orders_placement_seconds_count{outcome=\"created\"",
				"kafka_consumer_fetch_manager_records_lag_max");
	}

	private UUID place(String customerId, int quantity, String paymentMethod) {
		String body = this.http.post()
			.uri("/api/orders")
			.contentType(MediaType.APPLICATION_JSON)
			.body(orderJson(customerId, SKU, quantity, paymentMethod))
			.exchange()
			.expectStatus()
			.isAccepted()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		return UUID.fromString(json.readTree(body).get("orderId").asString());
	}

	private String placeWithKey(String key, String body) {
		String answer = this.http.post()
			.uri("/api/orders")
			.header("Idempotency-Key", key)
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.exchange()
			.expectStatus()
			.isAccepted()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		return json.readTree(answer).get("orderId").asString();
	}

	private org.springframework.test.web.servlet.client.RestTestClient.BodyContentSpec expectProblem(String body,
			int status) {
		return this.http.post()
			.uri("/api/orders")
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.exchange()
			.expectStatus()
			.isEqualTo(status)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody();
	}

	private JsonNode getOrder(String orderId) {
		return json.readTree(this.http.get()
			.uri("/api/orders/{id}", orderId)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody());
	}

	private JsonNode awaitStatus(UUID orderId, String status) {
		return await().atMost(Duration.ofSeconds(20))
			.until(() -> getOrder(orderId.toString()), (order) -> status.equals(order.get("status").asString()));
	}

	private static ConsumerRecord<String, byte[]> awaitEvent(String orderId, EventType type) {
		return await().atMost(Duration.ofSeconds(20))
			.until(() -> eventsOf(orderId, type), (found) -> !found.isEmpty())
			.get(0);
	}

	private static List<ConsumerRecord<String, byte[]>> eventsOf(String orderId, EventType type) {
		return orders
			.records((record) -> orderId.equals(record.key()) && type.typeName().equals(header(record, Envelope.TYPE)));
	}

	private String prometheus() {
		return this.http.get()
			.uri("/actuator/prometheus")
			.header("Authorization", TestAdmin.authorization())
			.accept(MediaType.TEXT_PLAIN)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
	}

	/** The sum of the samples of a metric whose labels include all of {@code labels}. */
	private static double sample(String prometheus, String name, String... labels) {
		return prometheus.lines()
			.filter((line) -> line.startsWith(name + " ") || line.startsWith(name + "{"))
			.filter((line) -> List.of(labels).stream().allMatch(line::contains))
			.mapToDouble((line) -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
			.sum();
	}

	private static String traceIdOf(ConsumerRecord<String, byte[]> record) {
		return header(record, Envelope.TRACEPARENT).substring(3, 35);
	}

	private static String orderJson(String customerId, String sku, int quantity, String paymentMethod) {
		return """
				{"customerId":"%s","customerEmail":"%s@example.com","paymentMethod":"%s",
				 "items":[{"sku":"%s","quantity":%d}]}
				""".formatted(customerId, customerId.length() > 40 ? "long" : customerId, paymentMethod, sku, quantity);
	}

}
