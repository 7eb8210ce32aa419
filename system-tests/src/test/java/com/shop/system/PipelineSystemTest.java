package com.shop.system;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.icegreen.greenmail.util.GreenMailUtil;
import com.shop.events.Envelope;
import com.shop.events.EventType;
import com.shop.events.Topics;
import com.shop.testsupport.TopicRecorder;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.http.MediaType;

import static com.shop.testsupport.TopicRecorder.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole pipeline: four services as separate processes on one broker and one
 * PostgreSQL, driven through their REST APIs, with the topics read to check what really
 * travelled.
 */
class PipelineSystemTest {

	private static final List<String> TOPICS = List.of(Topics.ORDERS, Topics.INVENTORY, Topics.PAYMENTS,
			Topics.CATALOG_PRODUCTS, Topics.NOTIFICATIONS);

	private static RunningSystem system;

	private static Shop shop;

	private static TopicRecorder topics;

	@BeforeAll
	static void start() {
		system = RunningSystem.get();
		shop = new Shop(system);
		topics = TopicRecorder.record(system.kafka.admin(), TOPICS);
	}

	@AfterAll
	static void closeRecorder() {
		topics.close();
	}

	@Test
	void paidOrderIsConfirmedAndTheCustomerGetsMail() {
		String sku = shop.newProduct("24.99", 10);
		long placedAt = System.nanoTime();
		String orderId = shop.place(sku, 2, "tok_visa");
		JsonNode order = shop.awaitSettled(orderId);
		long settleMillis = (System.nanoTime() - placedAt) / 1_000_000;
		System.out.printf("[figures] happy path settled CONFIRMED in %d ms%n", settleMillis);

		assertThat(order.get("status").asString()).isEqualTo("CONFIRMED");
		assertThat(order.get("total").get("amount").asString()).isEqualTo("49.98");
		// inventory commits the reservation when it sees OrderConfirmed, just after
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			JsonNode product = shop.product(sku);
			assertThat(product.get("onHand").asInt()).isEqualTo(8);
			assertThat(product.get("reserved").asInt()).isZero();
		});
		JsonNode payments = Shop.get(shop.payments, "/api/payments?orderId=" + orderId);
		assertThat(payments).hasSize(1);
		assertThat(payments.get(0).get("status").asString()).isEqualTo("COMPLETED");

		String email = order.get("customerEmail").asString();
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(mailsTo(email)).extracting(GreenMailUtil::getBody)
				.anySatisfy((body) -> assertThat(body).contains(orderId).containsIgnoringCase("confirmed")));
		JsonNode notifications = Shop.get(shop.notifications, "/api/notifications?orderId=" + orderId);
		assertThat(notifications.valueStream().map((n) -> n.get("template").asString())).contains("order-received",
				"order-confirmed");

		assertThat(typesOf(orderId)).containsSubsequence("shop.order.placed.v1", "shop.inventory.stock-reserved.v1",
				"shop.order.payment-requested.v1", "shop.payment.completed.v1", "shop.order.confirmed.v1");
		JsonNode timeline = Shop.get(shop.orders, "/api/orders/" + orderId + "/events");
		assertThat(timeline.valueStream().map((entry) -> entry.get("type").asString())).containsExactly(
				"shop.order.placed.v1", "shop.inventory.stock-reserved.v1", "shop.order.payment-requested.v1",
				"shop.payment.completed.v1", "shop.order.confirmed.v1");
	}

	@Test
	void orderForMoreThanIsInStockIsCancelledAndStockIsUnchanged() {
		String sku = shop.newProduct("59.00", 3);
		String orderId = shop.place(sku, 4, "tok_visa");
		JsonNode order = shop.awaitSettled(orderId);
		assertThat(order.get("status").asString()).isEqualTo("CANCELLED");
		assertThat(order.get("cancellationReason").asString()).isEqualTo("OUT_OF_STOCK");
		JsonNode product = shop.product(sku);
		assertThat(product.get("onHand").asInt()).isEqualTo(3);
		assertThat(product.get("reserved").asInt()).isZero();
		assertThat(Shop.get(shop.payments, "/api/payments?orderId=" + orderId)).isEmpty();
	}

	@Test
	void declinedCardCancelsTheOrderAndReleasesItsStock() {
		String sku = shop.newProduct("129.00", 5);
		String orderId = shop.place(sku, 2, "tok_chargeDeclined");
		JsonNode order = shop.awaitSettled(orderId);
		assertThat(order.get("status").asString()).isEqualTo("CANCELLED");
		assertThat(order.get("cancellationReason").asString()).isEqualTo("PAYMENT_DECLINED");
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			JsonNode product = shop.product(sku);
			assertThat(product.get("reserved").asInt()).isZero();
			assertThat(product.get("onHand").asInt()).isEqualTo(5);
		});
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(typesOf(orderId)).contains("shop.inventory.stock-released.v1"));
		JsonNode payment = Shop.get(shop.payments, "/api/payments?orderId=" + orderId).get(0);
		assertThat(payment.get("status").asString()).isEqualTo("FAILED");
		assertThat(payment.get("reason").asString()).isEqualTo("DECLINED");
	}

	@Test
	void totalAboveTheLimitIsDeclined() {
		String sku = shop.newProduct("4000.00", 5);
		String orderId = shop.place(sku, 3, "tok_visa");
		JsonNode order = shop.awaitSettled(orderId);
		assertThat(order.get("status").asString()).isEqualTo("CANCELLED");
		assertThat(order.get("cancellationReason").asString()).isEqualTo("PAYMENT_DECLINED");
		JsonNode payment = Shop.get(shop.payments, "/api/payments?orderId=" + orderId).get(0);
		assertThat(payment.get("reason").asString()).isEqualTo("LIMIT_EXCEEDED");
	}

	@Test
	void fiftyOrdersRacingForTenUnitsConfirmExactlyTen() throws Exception {
		String sku = shop.newProduct("9.99", 10);
		AtomicBoolean racing = new AtomicBoolean(true);
		AtomicInteger lowestAvailable = new AtomicInteger(Integer.MAX_VALUE);
		ExecutorService pool = Executors.newFixedThreadPool(17);
		Future<?> watcher = pool.submit(() -> {
			while (racing.get()) {
				lowestAvailable.accumulateAndGet(shop.product(sku).get("available").asInt(), Math::min);
			}
		});
		List<Future<String>> placements = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			placements.add(pool.submit(() -> shop.place(sku, 1, "tok_visa")));
		}
		List<String> orderIds = new ArrayList<>();
		for (Future<String> placement : placements) {
			orderIds.add(placement.get());
		}
		Map<String, Long> outcomes = orderIds.stream()
			.map(shop::awaitSettled)
			.collect(Collectors.groupingBy(
					(order) -> order.get("status").asString() + "/" + order.path("cancellationReason").asString(""),
					Collectors.counting()));
		racing.set(false);
		watcher.get();
		pool.shutdown();

		System.out.printf("[figures] 50 orders for 10 units: %s, lowest available seen %d%n", outcomes,
				lowestAvailable.get());
		assertThat(outcomes).containsEntry("CONFIRMED/", 10L).containsEntry("CANCELLED/OUT_OF_STOCK", 40L);
		assertThat(lowestAvailable.get()).isGreaterThanOrEqualTo(0);
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			JsonNode product = shop.product(sku);
			assertThat(product.get("onHand").asInt()).isZero();
			assertThat(product.get("reserved").asInt()).isZero();
		});
	}

	@Test
	void sameIdempotencyKeyTwiceCreatesOneOrder() {
		String sku = shop.newProduct("34.00", 5);
		String key = UUID.randomUUID().toString();
		String body = Shop.orderJson("cust-idem", "idem@example.com", sku, 1, "tok_visa");
		Function<String, String> place = (json) -> Shop
			.parse(shop.orders.post()
				.uri("/api/orders")
				.header("Idempotency-Key", key)
				.contentType(MediaType.APPLICATION_JSON)
				.body(json)
				.exchange()
				.expectStatus()
				.isAccepted()
				.expectBody(String.class)
				.returnResult()
				.getResponseBody())
			.get("orderId")
			.asString();
		String first = place.apply(body);
		String second = place.apply(body);
		assertThat(second).isEqualTo(first);
		shop.awaitSettled(first);
		assertThat(typesOf(first)).containsOnlyOnce("shop.order.placed.v1");
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(shop.product(sku).get("onHand").asInt()).isEqualTo(4));
	}

	@Test
	void badInputGetsProblemDetails() {
		String sku = shop.newProduct("5.00", 1);
		shop.orders.post()
			.uri("/api/orders")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"customerId\":\"c\",\"items\":[{\"sku\":\"" + sku + "\",\"quantity\":-1}]}")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.errors[*].field")
			.value(List.class,
					(fields) -> assertThat(fields).contains("customerEmail", "paymentMethod", "items[0].quantity"));
		shop.orders.post()
			.uri("/api/orders")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Shop.orderJson("c", "c@example.com", "NOT-SOLD-HERE", 1, "tok_visa"))
			.exchange()
			.expectStatus()
			.isEqualTo(422)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		shop.orders.post()
			.uri("/api/orders")
			.contentType(MediaType.APPLICATION_XML)
			.body("<order/>")
			.exchange()
			.expectStatus()
			.isEqualTo(415);
		shop.orders.get().uri("/api/orders/{id}", UUID.randomUUID()).exchange().expectStatus().isNotFound();
		shop.inventory.get().uri("/api/products/NOPE-404").exchange().expectStatus().isNotFound();
		shop.payments.get().uri("/api/payments?orderId=banana").exchange().expectStatus().isBadRequest();
		shop.notifications.get().uri("/api/notifications?orderId=banana").exchange().expectStatus().isBadRequest();
		assertThat(shop.product(sku).get("reserved").asInt()).isZero();
	}

	@Test
	void everyRecordOnEveryTopicCarriesTheCloudEventsEnvelope() {
		String sku = shop.newProduct("19.00", 2);
		String orderId = shop.place(sku, 1, "tok_visa");
		shop.awaitSettled(orderId);
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(topics.withKey(orderId)).extracting(ConsumerRecord::topic)
				.contains(Topics.ORDERS, Topics.INVENTORY, Topics.PAYMENTS, Topics.NOTIFICATIONS));
		List<ConsumerRecord<String, byte[]>> records = topics.records();
		assertThat(records).extracting(ConsumerRecord::topic).containsAll(TOPICS);
		for (ConsumerRecord<String, byte[]> record : records) {
			String where = record.topic() + "@" + record.partition() + ":" + record.offset();
			assertThat(header(record, Envelope.SPECVERSION)).as(where).isEqualTo("1.0");
			assertThat(header(record, Envelope.ID)).as(where).matches("[0-9a-f-]{36}");
			assertThat(header(record, Envelope.SOURCE)).as(where).startsWith("/");
			assertThat(EventType.byName(header(record, Envelope.TYPE))).as(where).isPresent();
			assertThat(EventType.byName(header(record, Envelope.TYPE)).get().topic()).as(where)
				.isEqualTo(record.topic());
			assertThat(header(record, Envelope.TIME)).as(where).isNotBlank();
			assertThat(header(record, Envelope.SUBJECT)).as(where).isEqualTo(record.key());
			assertThat(header(record, Envelope.CONTENT_TYPE)).as(where).isEqualTo("application/json");
			assertThat(header(record, Envelope.TRACEPARENT)).as(where).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
		}
		List<ConsumerRecord<String, byte[]>> ofOrder = topics.withKey(orderId);
		assertThat(ofOrder.stream().map((record) -> header(record, Envelope.TRACEPARENT).substring(3, 35)).distinct())
			.as("one trace id across the order's events")
			.hasSize(1);
	}

	private static List<MimeMessage> mailsTo(String address) {
		return List.of(system.mail.getReceivedMessagesForDomain(address));
	}

	private static List<String> typesOf(String orderId) {
		return topics.withKey(orderId).stream().map((record) -> header(record, Envelope.TYPE)).toList();
	}

}
