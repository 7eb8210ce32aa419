package com.shop.inventory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import com.shop.events.CancellationReason;
import com.shop.events.Envelope;
import com.shop.events.EventJson;
import com.shop.events.EventType;
import com.shop.events.InventoryEvent;
import com.shop.events.Money;
import com.shop.events.OrderCancelled;
import com.shop.events.OrderConfirmed;
import com.shop.events.OrderLine;
import com.shop.events.OrderPlaced;
import com.shop.events.RejectionReason;
import com.shop.events.StockLine;
import com.shop.events.StockRejected;
import com.shop.events.StockReleased;
import com.shop.events.StockReserved;
import com.shop.events.StockShortage;
import com.shop.events.Topics;
import com.shop.inventory.ProductsApi.ProductJson;
import com.shop.testsupport.IntegrationTest;
import com.shop.testsupport.TestEvents;
import com.shop.testsupport.TopicRecorder;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static com.shop.testsupport.TopicRecorder.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Reservations driven by order events on the {@code orders} topic, against the running
 * service with real PostgreSQL and Kafka: what inventory publishes and what it does to
 * the stock.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReservationIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(20);

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	private ProductsApi api;

	private TestEvents orders;

	private TopicRecorder inventory;

	private TopicRecorder deadLetters;

	@BeforeAll
	void start() {
		this.api = new ProductsApi(this.port);
		this.orders = new TestEvents();
		this.inventory = TopicRecorder.record(Topics.INVENTORY);
		this.deadLetters = TopicRecorder.record(Topics.deadLetter(Topics.ORDERS));
	}

	@AfterAll
	void stop() {
		this.orders.close();
		this.inventory.close();
		this.deadLetters.close();
	}

	@Test
	void aPlacedOrderReservesEveryLineAndMergesRepeatedSkus() {
		String keyboard = this.api.create(ProductsApi.uniqueSku("A"), 5).sku();
		String mouse = this.api.create(ProductsApi.uniqueSku("B"), 2).sku();
		OrderPlaced order = placed(new OrderLine(keyboard, 2, price()), new OrderLine(mouse, 1, price()),
				new OrderLine(keyboard, 1, price()));

		this.orders.send(order);

		StockReserved reserved = awaitEvent(order.orderId(), StockReserved.class);
		assertThat(reserved.items()).containsExactly(new StockLine(keyboard, 3), new StockLine(mouse, 1));
		ConsumerRecord<String, byte[]> record = this.inventory.withKey(order.orderId().toString()).get(0);
		assertThat(header(record, Envelope.TYPE)).isEqualTo("shop.inventory.stock-reserved.v1");
		assertThat(header(record, Envelope.SOURCE)).isEqualTo("/inventory-service");
		assertThat(header(record, Envelope.SUBJECT)).isEqualTo(order.orderId().toString());
		assertThat(this.api.get(keyboard))
			.extracting(ProductJson::onHand, ProductJson::reserved, ProductJson::available)
			.containsExactly(5, 3, 2);
		assertThat(this.api.get(mouse)).extracting(ProductJson::onHand, ProductJson::reserved, ProductJson::available)
			.containsExactly(2, 1, 1);
	}

	@Test
	void anOrderBeyondTheStockIsRejectedAndHoldsNothing() {
		String plenty = this.api.create(ProductsApi.uniqueSku("A"), 5).sku();
		String scarce = this.api.create(ProductsApi.uniqueSku("B"), 2).sku();
		OrderPlaced order = placed(new OrderLine(plenty, 2, price()), new OrderLine(scarce, 3, price()));

		this.orders.send(order);

		StockRejected rejected = awaitEvent(order.orderId(), StockRejected.class);
		assertThat(rejected.reason()).isEqualTo(RejectionReason.OUT_OF_STOCK);
		assertThat(rejected.items()).containsExactly(new StockShortage(scarce, 3, 2));
		assertThat(this.api.get(plenty)).extracting(ProductJson::onHand, ProductJson::reserved).containsExactly(5, 0);
		assertThat(this.api.get(scarce)).extracting(ProductJson::onHand, ProductJson::reserved).containsExactly(2, 0);
	}

	@Test
	void anOrderOfAnUnknownProductIsRejected() {
		String known = this.api.create(ProductsApi.uniqueSku("A"), 5).sku();
		String unknown = ProductsApi.uniqueSku("NOPE");
		OrderPlaced order = placed(new OrderLine(known, 1, price()), new OrderLine(unknown, 2, price()));

		this.orders.send(order);

		StockRejected rejected = awaitEvent(order.orderId(), StockRejected.class);
		assertThat(rejected.reason()).isEqualTo(RejectionReason.UNKNOWN_PRODUCT);
		assertThat(rejected.items()).containsExactly(new StockShortage(unknown, 2, 0));
		assertThat(this.api.get(known).reserved()).isZero();
	}

	@Test
	void anOrderOfAnInactiveProductIsRejectedAsUnknown() {
		String retired = this.api.create(ProductsApi.uniqueSku("OLD"), 5, false).sku();
		OrderPlaced order = placed(new OrderLine(retired, 1, price()));

		this.orders.send(order);

		StockRejected rejected = awaitEvent(order.orderId(), StockRejected.class);
		assertThat(rejected.reason()).isEqualTo(RejectionReason.UNKNOWN_PRODUCT);
		assertThat(rejected.items()).containsExactly(new StockShortage(retired, 1, 0));
		assertThat(this.api.get(retired).reserved()).isZero();
	}

	@Test
	void aCancelledOrderReleasesItsStock() {
		String sku = this.api.create(ProductsApi.uniqueSku("A"), 5).sku();
		OrderPlaced order = placed(new OrderLine(sku, 2, price()));
		this.orders.send(order);
		awaitEvent(order.orderId(), StockReserved.class);

		this.orders.send(cancelled(order));

		StockReleased released = awaitEvent(order.orderId(), StockReleased.class);
		assertThat(released.items()).containsExactly(new StockLine(sku, 2));
		assertThat(this.api.get(sku)).extracting(ProductJson::onHand, ProductJson::reserved, ProductJson::available)
			.containsExactly(5, 0, 5);
	}

	@Test
	void aConfirmedOrderTakesItsUnitsOffTheStockAndALateCancellationChangesNothing() {
		String sku = this.api.create(ProductsApi.uniqueSku("A"), 5).sku();
		OrderPlaced order = placed(new OrderLine(sku, 2, price()));
		this.orders.send(order);
		awaitEvent(order.orderId(), StockReserved.class);

		this.orders.send(new OrderConfirmed(order.orderId(), UUID.randomUUID(), Instant.now()));

		await().atMost(TIMEOUT)
			.untilAsserted(() -> assertThat(this.api.get(sku))
				.extracting(ProductJson::onHand, ProductJson::reserved, ProductJson::available)
				.containsExactly(3, 0, 3));

		awaitConsumed(this.orders.send(cancelled(order)));
		assertThat(this.api.get(sku)).extracting(ProductJson::onHand, ProductJson::reserved).containsExactly(3, 0);
		assertThat(typesOf(order.orderId())).containsExactly(StockReserved.class);
	}

	@Test
	void theCancellationOfARejectedOrderReleasesNothing() {
		String sku = this.api.create(ProductsApi.uniqueSku("A"), 1).sku();
		OrderPlaced order = placed(new OrderLine(sku, 2, price()));
		this.orders.send(order);
		awaitEvent(order.orderId(), StockRejected.class);

		awaitConsumed(this.orders.send(cancelled(order)));

		assertThat(this.api.get(sku).reserved()).isZero();
		assertThat(typesOf(order.orderId())).containsExactly(StockRejected.class);
	}

	@Test
	void theSameOrderPlacedDeliveredTwiceReservesOnce() {
		String sku = this.api.create(ProductsApi.uniqueSku("A"), 5).sku();
		OrderPlaced order = placed(new OrderLine(sku, 2, price()));

		Envelope first = this.orders.send(order);
		this.orders.send(first, order);
		this.orders.send(order);
		// the cancellation follows the repeats on the order's partition: once it is
		// released, every repeat has been handled
		this.orders.send(cancelled(order));

		awaitEvent(order.orderId(), StockReleased.class);
		assertThat(typesOf(order.orderId())).containsExactly(StockReserved.class, StockReleased.class);
		assertThat(this.api.get(sku)).extracting(ProductJson::onHand, ProductJson::reserved).containsExactly(5, 0);
	}

	@Test
	void thirtyConcurrentOrdersForTenUnitsReserveExactlyTen() throws Exception {
		String sku = this.api.create(ProductsApi.uniqueSku("LAST"), 10).sku();
		List<OrderPlaced> rush = IntStream.range(0, 30)
			.mapToObj((i) -> placed(new OrderLine(sku, 1, price())))
			.toList();

		sendAtOnce(rush);

		await().atMost(TIMEOUT).untilAsserted(() -> {
			assertThat(this.api.get(sku).available()).isGreaterThanOrEqualTo(0);
			assertThat(rush).allSatisfy((order) -> assertThat(events(order.orderId())).hasSize(1));
		});
		List<InventoryEvent> outcomes = rush.stream().map((order) -> events(order.orderId()).get(0)).toList();
		assertThat(outcomes).filteredOn(StockReserved.class::isInstance).hasSize(10);
		assertThat(outcomes).filteredOn(StockRejected.class::isInstance)
			.hasSize(20)
			.map(StockRejected.class::cast)
			.allSatisfy((rejected) -> {
				assertThat(rejected.reason()).isEqualTo(RejectionReason.OUT_OF_STOCK);
				assertThat(rejected.items()).containsExactly(new StockShortage(sku, 1, 0));
			});
		assertThat(this.api.get(sku)).extracting(ProductJson::onHand, ProductJson::reserved, ProductJson::available)
			.containsExactly(10, 10, 0);
	}

	@Test
	void aMalformedRecordGoesToTheDeadLetterTopic() {
		String key = UUID.randomUUID().toString();
		Envelope envelope = Envelope.create("/test", EventType.ORDER_PLACED, key, null);

		this.orders.send(Topics.ORDERS, key, envelope.toHeaders(),
				"{\"orderId\": \"not an order\"}".getBytes(StandardCharsets.UTF_8));

		await().atMost(TIMEOUT).untilAsserted(() -> assertThat(this.deadLetters.withKey(key)).hasSize(1));
		ConsumerRecord<String, byte[]> dead = this.deadLetters.withKey(key).get(0);
		assertThat(header(dead, "kafka_dlt-original-topic")).isEqualTo(Topics.ORDERS);
		assertThat(header(dead, "kafka_dlt-exception-message")).contains("OrderPlaced");
		assertThat(header(dead, Envelope.ID)).isEqualTo(envelope.id().toString());
		assertThat(this.inventory.withKey(key)).isEmpty();
	}

	private static OrderPlaced placed(OrderLine... lines) {
		Money total = Arrays.stream(lines)
			.map((line) -> line.unitPrice().times(line.quantity()))
			.reduce(Money::plus)
			.orElseThrow();
		return new OrderPlaced(UUID.randomUUID(), "customer-1", "customer@example.com", List.of(lines), total,
				"tok_visa", Instant.now());
	}

	private static OrderCancelled cancelled(OrderPlaced order) {
		return new OrderCancelled(order.orderId(), CancellationReason.CUSTOMER_REQUEST, null, Instant.now());
	}

	private static Money price() {
		return Money.of("10.00", "EUR");
	}

	/**
	 * Sends the orders from as many threads, so that they reach the broker together and
	 * the listener's threads compete for the stock.
	 */
	private void sendAtOnce(List<OrderPlaced> rush) throws Exception {
		ExecutorService senders = Executors.newFixedThreadPool(rush.size());
		try {
			List<Callable<Envelope>> sends = rush.stream()
				.<Callable<Envelope>>map((order) -> () -> this.orders.send(order))
				.toList();
			for (Future<Envelope> sent : senders.invokeAll(sends)) {
				sent.get();
			}
		}
		finally {
			senders.shutdown();
		}
	}

	/** What inventory published about the order, in order. */
	private List<InventoryEvent> events(UUID orderId) {
		return this.inventory.withKey(orderId.toString())
			.stream()
			.map((record) -> (InventoryEvent) EventJson.read(record.value(),
					EventType.byName(header(record, Envelope.TYPE)).orElseThrow().payloadType()))
			.toList();
	}

	private List<Class<?>> typesOf(UUID orderId) {
		return events(orderId).stream().<Class<?>>map(Object::getClass).toList();
	}

	private <T extends InventoryEvent> T awaitEvent(UUID orderId, Class<T> type) {
		return await().atMost(TIMEOUT)
			.until(() -> events(orderId).stream().filter(type::isInstance).map(type::cast).findFirst(),
					Optional::isPresent)
			.orElseThrow();
	}

	/**
	 * Waits until the service has handled the event and the events it published, if any,
	 * have been relayed and recorded.
	 */
	private void awaitConsumed(Envelope envelope) {
		await().atMost(TIMEOUT)
			.until(() -> this.jdbc.queryForObject("select count(*) from consumed_event where event_id = ?",
					Integer.class, envelope.id()) == 1);
		await().atMost(TIMEOUT)
			.until(() -> this.jdbc.queryForObject("select count(*) from outbox_event where subject = ?", Integer.class,
					envelope.subject()) == 0);
	}

}
