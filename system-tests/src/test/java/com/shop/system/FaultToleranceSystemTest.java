package com.shop.system;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.shop.events.Envelope;
import com.shop.events.EventType;
import com.shop.events.Topics;
import com.shop.testsupport.TopicRecorder;
import com.shop.testsupport.TestEvents;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The guarantees under the faults real deployments see. Each test drives a stream of a
 * few hundred mixed orders, breaks something in the middle, repairs it, and checks the
 * same invariants: nothing lost, nothing charged twice, nothing oversold.
 */
class FaultToleranceSystemTest {

	private static final int ORDERS = 200;

	private static final Duration STREAM = Duration.ofSeconds(12);

	private static final List<String> CONSUMED = List.of(Topics.ORDERS, Topics.INVENTORY, Topics.PAYMENTS,
			Topics.CATALOG_PRODUCTS);

	private static RunningSystem system;

	private static Shop shop;

	private static TopicRecorder topics;

	private static TopicRecorder deadLetters;

	@BeforeAll
	static void start() {
		system = RunningSystem.get();
		shop = new Shop(system);
		topics = TopicRecorder.record(system.kafka.admin(), List.of(Topics.ORDERS, Topics.INVENTORY, Topics.PAYMENTS));
		deadLetters = TopicRecorder.record(system.kafka.admin(), CONSUMED.stream().map(Topics::deadLetter).toList());
	}

	@AfterAll
	static void close() {
		topics.close();
		deadLetters.close();
	}

	@Test
	void brokerDownForTenSeconds() throws Exception {
		underFault("broker stopped for 10 s", false, (stream) -> {
			system.kafka.stop();
			// readiness tells the truth: down while the broker is away, up again when it
			// is back
			await().atMost(Duration.ofSeconds(20)).until(() -> !system.orders.isReady());
			int refusedBefore = stream.refused();
			// placement keeps answering 202 while the broker is away: the outbox holds
			// the events
			await().during(Duration.ofSeconds(10))
				.atMost(Duration.ofSeconds(11))
				.until(() -> stream.refused() == refusedBefore);
			system.kafka.start();
			await().atMost(Duration.ofSeconds(60))
				.until(() -> system.services().stream().allMatch(ServiceProcess::isReady));
		});
	}

	@Test
	void inventoryServiceKilled() throws Exception {
		killed(system.inventory);
	}

	@Test
	void paymentServiceKilled() throws Exception {
		killed(system.payments);
	}

	@Test
	void orderServiceKilled() throws Exception {
		killed(system.orders);
	}

	/**
	 * Consumers handle a poll's records as one batch in one transaction: a kill while one
	 * is being handled must lose none of its records and apply none of them twice.
	 * inventory-service is stopped while orders keep coming, so a backlog builds up and
	 * its polls come back full; once it has committed its first batch after the restart,
	 * it is killed (with the rest of the backlog in hand or in its next poll), then
	 * started again.
	 */
	@Test
	void inventoryServiceKilledInTheMiddleOfItsBatches() throws Exception {
		underFault("inventory-service killed (SIGKILL) while it works through a backlog in batches", true, (stream) -> {
			system.inventory.stop();
			int before = stream.acknowledged().size();
			await().atMost(Duration.ofSeconds(30)).until(() -> stream.acknowledged().size() >= before + ORDERS / 3);
			long backlog = inventoryLag();
			system.inventory.start();
			// its polls hold at most 10 records here (RunningSystem): the backlog takes
			// several batches
			long lagAtKill = await().atMost(Duration.ofSeconds(120))
				.pollInterval(Duration.ofMillis(10))
				.until(FaultToleranceSystemTest::inventoryLag, (lag) -> lag < backlog);
			system.inventory.kill();
			System.out.println("[figures] inventory-service killed with " + lagAtKill + " of " + backlog
					+ " backlog records of 'orders' not yet committed");
			assertThat(lagAtKill).as("killed before it worked through its backlog").isPositive();
			system.restart(system.inventory);
		});
	}

	/** Records of 'orders' inventory-service's group has not committed yet. */
	private static long inventoryLag() throws Exception {
		try (Admin admin = Admin.create(system.kafka.admin())) {
			Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets("inventory-service")
				.partitionsToOffsetAndMetadata()
				.get();
			Map<TopicPartition, OffsetSpec> ends = new java.util.HashMap<>();
			for (int partition = 0; partition < 3; partition++) {
				ends.put(new TopicPartition(Topics.ORDERS, partition), OffsetSpec.latest());
			}
			long lag = 0;
			for (var end : admin.listOffsets(ends).all().get().entrySet()) {
				OffsetAndMetadata offset = committed.get(end.getKey());
				lag += end.getValue().offset() - ((offset != null) ? offset.offset() : 0);
			}
			return lag;
		}
	}

	private void killed(ServiceProcess service) throws Exception {
		// a crash between Kafka's acknowledgment and the outbox's delete may publish an
		// event twice
		underFault(service.name() + " killed (SIGKILL) and restarted", true, (stream) -> {
			service.kill();
			system.restart(service);
		});
	}

	@Test
	void inventoryDatabaseRestarted() throws Exception {
		// the database may go away after Kafka acknowledged a batch but before the outbox
		// delete
		// committed: the relay then sends those events again, as after a crash
		underFault("inventory-service's PostgreSQL restarted", true, (stream) -> {
			system.inventoryDatabase.stop();
			await().atMost(Duration.ofSeconds(20)).until(() -> !system.inventory.isReady());
			int refusedBefore = stream.refused();
			// orders keep being accepted while inventory cannot reach its database
			await().during(Duration.ofSeconds(5))
				.atMost(Duration.ofSeconds(6))
				.until(() -> stream.refused() == refusedBefore);
			system.inventoryDatabase.start();
			await().atMost(Duration.ofSeconds(60)).until(system.inventory::isReady);
		});
	}

	@Test
	void everyServiceRestartedGracefullyOneAfterAnother() throws Exception {
		underFault("rolling restart (SIGTERM) of all four services", false, (stream) -> {
			for (ServiceProcess service : system.services()) {
				service.stop();
				system.restart(service);
			}
		});
	}

	@Test
	void everyRecordOfTheOrdersTopicDeliveredTwice() throws Exception {
		underFault("every record of 'orders' delivered twice", true, (stream) -> {
			try (TestEvents events = new TestEvents(system.kafka.admin())) {
				List<String> placed = stream.acknowledged();
				for (ConsumerRecord<String, byte[]> record : topics
					.records((r) -> r.topic().equals(Topics.ORDERS) && placed.contains(r.key()))) {
					events.send(record.topic(), record.key(), headers(record), record.value());
				}
			}
		});
	}

	@Test
	void malformedRecordsAreDeadLetteredAndTheOrdersBehindThemSettle() throws Exception {
		underFault("malformed records on every consumed topic", false, (stream) -> {
			String key = stream.acknowledged().get(0);
			try (TestEvents events = new TestEvents(system.kafka.admin())) {
				for (String topic : CONSUMED) {
					EventType type = EventType.values()[0];
					for (EventType candidate : EventType.values()) {
						if (candidate.topic().equals(topic)) {
							type = candidate;
						}
					}
					Envelope envelope = Envelope.create("/fault-test", type, key, null);
					events.send(topic, key, envelope.toHeaders(), "{\"broken".getBytes());
					events.send(topic, key, Map.of("ce_type", type.typeName()), "{}".getBytes());
					Map<String, String> unknownType = new java.util.HashMap<>(
							Envelope.create("/fault-test", type, key, null).toHeaders());
					unknownType.put(Envelope.TYPE, "shop.unknown.something-happened.v1");
					events.send(topic, key, unknownType, "{}".getBytes());
				}
			}
			// bad JSON and missing headers are dead-lettered by every consumer of the
			// topic;
			// an unknown type is skipped, as the contract asks of consumers
			await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
				for (String topic : CONSUMED) {
					assertThat(deadLetters
						.records((r) -> r.topic().equals(Topics.deadLetter(topic)) && key.equals(r.key()))).as(topic)
						.hasSizeGreaterThanOrEqualTo(2)
						.allSatisfy(
								(r) -> assertThat(TopicRecorder.header(r, "kafka_dlt-exception-message")).isNotBlank())
						.noneSatisfy(
								(r) -> assertThat(TopicRecorder.header(r, Envelope.TYPE)).startsWith("shop.unknown"));
				}
			});
		});
	}

	@Test
	void latePaymentsAreRefundedAndStuckOrdersTimeOut() {
		String sku = shop.newProduct("15.00", 10);
		system.payments.stop();
		String cancelled = shop.place(sku, 1, "tok_visa");
		String timedOut = shop.place(sku, 2, "tok_visa");
		await().atMost(Duration.ofSeconds(30))
			.until(() -> "RESERVED".equals(shop.order(cancelled).get("status").asString())
					&& "RESERVED".equals(shop.order(timedOut).get("status").asString()));
		shop.orders.post().uri("/api/orders/{id}/cancel", cancelled).exchange().expectStatus().isAccepted();

		JsonNode expired = await().atMost(RunningSystem.ORDER_TIMEOUT.plusSeconds(30))
			.until(() -> shop.order(timedOut), (order) -> "CANCELLED".equals(order.get("status").asString()));
		assertThat(expired.get("cancellationReason").asString()).isEqualTo("TIMEOUT");
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			JsonNode product = shop.product(sku);
			assertThat(product.get("reserved").asInt()).isZero();
			assertThat(product.get("onHand").asInt()).isEqualTo(10);
		});

		// payment-service comes back and charges both orders it was asked to charge
		system.restart(system.payments);
		for (String orderId : List.of(cancelled, timedOut)) {
			await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
				JsonNode payments = Shop.get(shop.payments, "/api/payments?orderId=" + orderId);
				assertThat(payments).hasSize(1);
				assertThat(payments.get(0).get("status").asString()).isEqualTo("REFUNDED");
			});
			assertThat(Invariants.causal(shop, orderId)).isTrue();
		}
		assertThat(shop.order(cancelled).get("cancellationReason").asString()).isEqualTo("CUSTOMER_REQUEST");
	}

	/** A fault to inject while orders flow; it returns once the system is repaired. */
	interface Fault {

		void inject(OrderStream stream) throws Exception;

	}

	private void underFault(String name, boolean duplicatesExpected, Fault fault) throws Exception {
		String plentiful = shop.newProduct("12.50", 10_000);
		String scarce = shop.newProduct("80.00", 15);
		OrderStream stream = new OrderStream(shop, plentiful, scarce).start(ORDERS, STREAM);
		await().atMost(Duration.ofSeconds(30)).until(() -> stream.acknowledged().size() >= ORDERS / 5);
		fault.inject(stream);
		long repaired = System.nanoTime();
		stream.awaitPlaced();
		Invariants.Report report = Invariants.check(name, shop, stream, Map.of(plentiful, 10_000, scarce, 15), topics,
				repaired);
		System.out.println(report.line());
		assertThat(report.violations(duplicatesExpected)).as(report.line()).isEmpty();
		assertThat(report.acknowledged()).isPositive();
	}

	private static Map<String, String> headers(ConsumerRecord<String, byte[]> record) {
		Map<String, String> headers = new java.util.LinkedHashMap<>();
		record.headers().forEach((header) -> headers.put(header.key(), new String(header.value())));
		return headers;
	}

}
