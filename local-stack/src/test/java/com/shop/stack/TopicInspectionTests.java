package com.shop.stack;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import com.shop.events.Envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code ./stack topics}, {@code tail} and {@code trace} against an in-JVM broker holding
 * two orders' events on the order topics (order ord-1 on partition 0, ord-2 on partition
 * 1), one dead letter, a compacted topic, and offsets committed by two consumer groups.
 */
class TopicInspectionTests {

	private static final long T0 = System.currentTimeMillis() - 60_000;

	private static final String TRACEPARENT = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

	private static EmbeddedKafkaKraftBroker broker;

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	@BeforeAll
	static void twoOrdersOnEveryTopic() throws Exception {
		broker = new EmbeddedKafkaKraftBroker(1, 2, "orders", "inventory", "payments", "notifications", "orders.DLT");
		broker.afterPropertiesSet();
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap()))) {
			admin
				.createTopics(List
					.of(new NewTopic("catalog.products", 1, (short) 1).configs(Map.of("cleanup.policy", "compact"))))
				.all()
				.get(10, TimeUnit.SECONDS);
		}
		try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap()), new StringSerializer(),
				new ByteArraySerializer())) {
			// written out of time order: the commands sort by record time
			send(producer, "orders", 0, 0, "ord-1", "/order-service", "shop.order.placed.v1",
					"{\"orderId\":\"ord-1\",\"customerId\":\"c-1\",\"paymentMethod\":\"tok_visa\"}");
			send(producer, "payments", 0, 100, "ord-1", "/payment-service", "shop.payment.completed.v1",
					"{\"orderId\":\"ord-1\",\"paymentId\":\"pay-1\"}");
			send(producer, "inventory", 0, 40, "ord-1", "/inventory-service", "shop.inventory.stock-reserved.v1",
					"{\"orderId\":\"ord-1\"}");
			send(producer, "orders", 0, 60, "ord-1", "/order-service", "shop.order.payment-requested.v1",
					"{\"orderId\":\"ord-1\"}");
			send(producer, "orders", 0, 120, "ord-1", "/order-service", "shop.order.confirmed.v1",
					"{\"orderId\":\"ord-1\",\"paymentId\":\"pay-1\"}");
			send(producer, "notifications", 0, 135, "ord-1", "/notification-service", "shop.notification.sent.v1",
					"{\"orderId\":\"ord-1\",\"channel\":\"EMAIL\"}");
			send(producer, "orders", 1, 10, "ord-2", "/order-service", "shop.order.placed.v1",
					"{\"orderId\":\"ord-2\",\"customerId\":\"c-2\"}");
			send(producer, "orders", 1, 50, "ord-2", "/order-service", "shop.order.cancelled.v1",
					"{\"orderId\":\"ord-2\",\"reason\":\"OUT_OF_STOCK\"}");
			RecordHeaders deadLetter = headers("ord-1", "/order-service", "shop.order.confirmed.v1", 120);
			deadLetter.add(DeadLetter.ORIGINAL_CONSUMER_GROUP, utf8("notification-service"));
			deadLetter.add(DeadLetter.EXCEPTION_FQCN, utf8("java.lang.IllegalStateException"));
			deadLetter.add(DeadLetter.EXCEPTION_MESSAGE, utf8("SMTP down"));
			producer.send(new ProducerRecord<>("orders.DLT", 0, T0 + 130, "ord-1", utf8("{\"orderId\":\"ord-1\"}"),
					deadLetter));
			producer.flush();
		}
		commit("payment-service", Map.of(new TopicPartition("orders", 0), 3L, new TopicPartition("orders", 1), 2L));
		commit("inventory-service", Map.of(new TopicPartition("orders", 0), 2L));
	}

	@AfterAll
	static void stopBroker() {
		broker.destroy();
	}

	@Test
	void topicsListsPartitionsRecordsCleanupAndTheLagOfEachGroupThatCommitted() {
		int exit = new TopicOverview(stream(this.out), stream(this.err), Duration.ofSeconds(10))
			.run("--bootstrap-server", bootstrap());

		String listing = text(this.out);
		assertThat(exit).as(text(this.err)).isZero();
		assertThat(listing).contains("TOPIC             PARTITIONS   RECORDS  CLEANUP         LAG PER CONSUMER GROUP\n",
				"  catalog.products           1         0  compact\n",
				"  inventory                  2         1  delete\n",
				// inventory-service committed 2 of partition 0's 3, nothing of partition
				// 1's 2
				"  orders                     2         5  delete          inventory-service 3, payment-service 0\n",
				"  orders.DLT                 2         1  delete          !! 1 record dead-lettered\n",
				"!! Dead letters: orders.DLT 1 record; see ./stack dlt list\n");
		assertThat(listing).doesNotContain("__consumer_offsets");
	}

	@Test
	void tailShowsTheNewestRecordsWithTheirEnvelopeAndValue() {
		int exit = tail("orders", "--limit", "2");

		String listing = text(this.out);
		assertThat(exit).as(text(this.err)).isZero();
		assertThat(blocks(listing)).containsExactly("orders 0:1", "orders 0:2");
		assertThat(listing).contains("  orders 0:2\n  key         ord-1\n  ce_type     shop.order.confirmed.v1\n",
				"  ce_source   /order-service\n  traceparent " + TRACEPARENT + "\n",
				"  value       {\n                \"orderId\" : \"ord-1\",\n                \"paymentId\" : \"pay-1\"\n              }\n");
		assertThat(text(this.err))
			.contains("2 of 5 records on orders shown (the newest; --limit N or --from-beginning");
	}

	@Test
	void tailFiltersByTypeAndKey() {
		int exit = tail("orders", "--from-beginning", "--type", "order.placed", "--key", "ord-2");

		assertThat(exit).isZero();
		assertThat(blocks(text(this.out))).containsExactly("orders 1:0");
		assertThat(text(this.out)).contains("key         ord-2", "ce_type     shop.order.placed.v1");
		assertThat(text(this.err)).contains("1 of 1 record matching type order.placed, key ord-2 on orders shown");

		this.out.reset();
		tail("orders", "--from-beginning", "--type", "placed");
		assertThat(blocks(text(this.out))).containsExactly("orders 0:0", "orders 1:0");
	}

	@Test
	void tailShowsWhyADeadLetterFailed() {
		tail("orders.DLT");

		assertThat(text(this.out))
			.contains("  error       java.lang.IllegalStateException: SMTP down (group notification-service)\n");
	}

	@Test
	void tailFollowsNewRecordsUntilStopped() throws Exception {
		TopicTail tail = new TopicTail(stream(this.out), stream(this.err), Duration.ofSeconds(10));
		List<Integer> exit = new ArrayList<>();
		Thread following = new Thread(() -> exit
			.add(tail.run("notifications", "--follow", "--key", "ord-9", "--bootstrap-server", bootstrap())));
		following.start();
		await().atMost(Duration.ofSeconds(10)).until(() -> text(this.err).contains("following, Ctrl-C stops"));
		try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap()), new StringSerializer(),
				new ByteArraySerializer())) {
			send(producer, "notifications", 1, 30_000, "ord-9", "/notification-service", "shop.notification.sent.v1",
					"{\"orderId\":\"ord-9\"}");
		}
		await().atMost(Duration.ofSeconds(10)).until(() -> text(this.out).contains("key         ord-9"));

		tail.stop();
		following.join(10_000);

		assertThat(following.isAlive()).isFalse();
		assertThat(exit).containsExactly(0);
		assertThat(text(this.err)).contains("-- stopped; 1 record shown in all --");
	}

	@Test
	void traceMergesTheRecordsOfOneOrderFromEveryTopicInTimeOrder() {
		int exit = trace("ord-1");

		String trace = text(this.out);
		assertThat(exit).as(text(this.err)).isZero();
		assertThat(trace.lines().skip(1).map(TopicInspectionTests::withoutTime).toList()).containsExactly(
				"   +0 ms  orders         /order-service         shop.order.placed.v1",
				"  +40 ms  inventory      /inventory-service     shop.inventory.stock-reserved.v1",
				"  +60 ms  orders         /order-service         shop.order.payment-requested.v1",
				" +100 ms  payments       /payment-service       shop.payment.completed.v1",
				" +120 ms  orders         /order-service         shop.order.confirmed.v1",
				" +130 ms  orders.DLT     /order-service         shop.order.confirmed.v1  (dead letter: notification-service gave up)",
				" +135 ms  notifications  /notification-service  shop.notification.sent.v1",
				"135 ms from the first to the last of 7 records; terminal event shop.order.confirmed.v1 at +120 ms");
		assertThat(trace).startsWith(
				"Order ord-1 on " + bootstrap() + " (read orders, inventory, payments, notifications, orders.DLT):\n"
						+ Instant.ofEpochMilli(T0) + "  ");
	}

	@Test
	void tracePrintsTheValuesWithJson() {
		trace("ord-2", "--json");

		assertThat(text(this.out)).contains(
				"shop.order.cancelled.v1\n    {\n      \"orderId\" : \"ord-2\",\n      \"reason\" : \"OUT_OF_STOCK\"\n    }\n",
				"40 ms from the first to the last of 2 records; terminal event shop.order.cancelled.v1 at +40 ms");
	}

	@Test
	void traceOfAnOrderWithoutRecordsFails() {
		int exit = trace("ord-404");

		assertThat(exit).isEqualTo(1);
		assertThat(text(this.err)).contains("No record of order ord-404 (as key or ce_subject) on orders, inventory");
	}

	@Test
	void tailOfATopicThatDoesNotExistFails() {
		int exit = tail("order");

		assertThat(exit).isEqualTo(1);
		assertThat(text(this.err)).contains("There is no topic order on", "topics: catalog.products, inventory, ");
	}

	private int tail(String... args) {
		return new TopicTail(stream(this.out), stream(this.err), Duration.ofSeconds(10)).run(withBroker(args));
	}

	private int trace(String... args) {
		return new OrderTrace(stream(this.out), stream(this.err), Duration.ofSeconds(10)).run(withBroker(args));
	}

	private static String[] withBroker(String... args) {
		List<String> all = new ArrayList<>(List.of(args));
		all.addAll(List.of("--bootstrap-server", bootstrap()));
		return all.toArray(String[]::new);
	}

	/** The position in each record's heading, in the order shown. */
	private static List<String> blocks(String listing) {
		return listing.lines()
			.filter((line) -> line.matches("^\\d{4}-.*Z  .*"))
			.map((line) -> line.substring(line.indexOf("Z  ") + 3))
			.toList();
	}

	private static String withoutTime(String line) {
		return line.replaceFirst("^\\d{4}-\\S+Z ", "");
	}

	private static void send(KafkaProducer<String, byte[]> producer, String topic, int partition, long millis,
			String orderId, String source, String type, String json) {
		producer.send(new ProducerRecord<>(topic, partition, T0 + millis, orderId, utf8(json),
				headers(orderId, source, type, millis)));
	}

	private static RecordHeaders headers(String orderId, String source, String type, long millis) {
		RecordHeaders headers = new RecordHeaders();
		new Envelope(UUID.randomUUID(), source, type, Instant.ofEpochMilli(T0 + millis), orderId, TRACEPARENT)
			.toHeaders()
			.forEach((name, value) -> headers.add(name, utf8(value)));
		return headers;
	}

	private static void commit(String group, Map<TopicPartition, Long> offsets) {
		try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(), ConsumerConfig.GROUP_ID_CONFIG, group,
						ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
				new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
			Map<TopicPartition, OffsetAndMetadata> commits = new HashMap<>();
			offsets.forEach((partition, offset) -> commits.put(partition, new OffsetAndMetadata(offset)));
			consumer.assign(offsets.keySet());
			consumer.commitSync(commits);
		}
	}

	private static String bootstrap() {
		return broker.getBrokersAsString();
	}

	private static PrintStream stream(ByteArrayOutputStream bytes) {
		return new PrintStream(bytes, true, StandardCharsets.UTF_8);
	}

	private static String text(ByteArrayOutputStream bytes) {
		return bytes.toString(StandardCharsets.UTF_8);
	}

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
