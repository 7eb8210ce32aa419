package com.shop.stack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ./stack dlt} against an in-JVM broker whose {@code orders.DLT} was filled by
 * spring-kafka's own {@code DeadLetterPublishingRecoverer}, as the services fill it.
 */
class DeadLettersTests {

	private static final String ORDER_PLACED = "{\"orderId\":\"ord-1\",\"lines\":[{\"sku\":\"KB-001\",\"quantity\":1}]}";

	private static EmbeddedKafkaKraftBroker broker;

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	@BeforeAll
	static void deadLetterTwoRecords() {
		broker = new EmbeddedKafkaKraftBroker(1, 2, "orders", "orders.DLT", "payments.DLT");
		broker.afterPropertiesSet();
		DefaultKafkaProducerFactory<String, byte[]> producers = new DefaultKafkaProducerFactory<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()), new StringSerializer(),
				new ByteArraySerializer());
		try {
			DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(new KafkaTemplate<>(producers),
					(record, ex) -> new TopicPartition(record.topic() + ".DLT", record.partition()));
			RecordHeaders headers = new RecordHeaders();
			headers.add("ce_specversion", utf8("1.0"));
			headers.add("ce_id", utf8("7f9c6a3e-0001"));
			headers.add("ce_type", utf8("shop.order.placed.v1"));
			headers.add("ce_source", utf8("/order-service"));
			headers.add("ce_subject", utf8("ord-1"));
			recoverer.accept(
					new ConsumerRecord<>("orders", 1, 42, 1_700_000_000_000L, TimestampType.CREATE_TIME, 0, 0, "ord-1",
							utf8(ORDER_PLACED), headers, Optional.empty()),
					new ListenerExecutionFailedException("Listener method 'OrdersListener.on' threw exception",
							"inventory-service", new IllegalStateException("no stock row for KB-001")));
			recoverer.accept(
					new ConsumerRecord<>("orders", 1, 43, 1_700_000_001_000L, TimestampType.CREATE_TIME, 0, 0, null,
							utf8("{\"broken"), new RecordHeaders(), Optional.empty()),
					new ListenerExecutionFailedException("Listener failed", "payment-service",
							new IllegalArgumentException("Missing header ce_type")));
		}
		finally {
			producers.destroy();
		}
	}

	@AfterAll
	static void stopBroker() {
		broker.destroy();
	}

	@Test
	void listsEachDeadLetterWithItsOriginErrorHeadersAndValue() {
		int exit = run("list", "--bootstrap-server", broker.getBrokersAsString());

		String listing = this.out.toString(StandardCharsets.UTF_8);
		assertThat(exit).as(this.err.toString(StandardCharsets.UTF_8)).isZero();
		assertThat(listing).contains("orders.DLT    2 records", "payments.DLT  0 records",
				"=== orders.DLT: 2 records ===", "orders.DLT 1:0  from orders 1:42  group inventory-service",
				"time      dead-lettered ", "first written 2023-11-14T22:13:20Z", "key       ord-1",
				"ce_type   shop.order.placed.v1", "ce_id     7f9c6a3e-0001",
				"error     java.lang.IllegalStateException: no stock row for KB-001\n",
				"headers   ce_specversion=1.0  ce_source=/order-service  ce_subject=ord-1",
				"value     {\n              \"orderId\" : \"ord-1\",",
				"orders.DLT 1:1  from orders 1:43  group payment-service", "key       (null)", "ce_type   missing",
				"ce_id     missing",
				"error     java.lang.IllegalArgumentException: Listener failed; Missing header ce_type\n",
				"headers   (none)", "value     {\"broken");
		assertThat(listing).doesNotContain("kafka_dlt-");
	}

	@Test
	void listsTheNewestOnlyWhenLimited() {
		int exit = run("list", "--topic", "orders.DLT", "--limit", "1", "--bootstrap-server",
				broker.getBrokersAsString());

		assertThat(exit).isZero();
		assertThat(this.out.toString(StandardCharsets.UTF_8))
			.contains("=== orders.DLT: 2 records, showing the newest 1 (--limit N for more) ===", "orders.DLT 1:1 ")
			.doesNotContain("orders.DLT 1:0 ", "payments.DLT");
	}

	@Test
	void replaysExactlyTheChosenRecordToItsSourceTopicWithItsOriginalHeaders() {
		Map<TopicPartition, Long> before = endOffsets("orders");

		int exit = run("replay", "orders.DLT", "--offset", "1:0", "--bootstrap-server", broker.getBrokersAsString());

		List<ConsumerRecord<String, byte[]>> replayed = recordsAfter(before);
		assertThat(exit).as(this.err.toString(StandardCharsets.UTF_8)).isZero();
		assertThat(replayed).hasSize(1);
		ConsumerRecord<String, byte[]> record = replayed.get(0);
		assertThat(record.key()).isEqualTo("ord-1");
		assertThat(new String(record.value(), StandardCharsets.UTF_8)).isEqualTo(ORDER_PLACED);
		assertThat(headerNames(record)).containsExactly("ce_specversion", "ce_id", "ce_type", "ce_source",
				"ce_subject");
		assertThat(new String(record.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8))
			.isEqualTo("7f9c6a3e-0001");
		assertThat(this.out.toString(StandardCharsets.UTF_8)).contains("orders.DLT 1:0 -> orders " + record.partition()
				+ ":" + record.offset() + "  key=ord-1  ce_type=shop.order.placed.v1");
	}

	@Test
	void sendsNothingOnADryRun() {
		Map<TopicPartition, Long> before = endOffsets("orders");

		int exit = run("replay", "orders.DLT", "--all", "--dry-run", "--bootstrap-server", broker.getBrokersAsString());

		assertThat(exit).isZero();
		assertThat(this.out.toString(StandardCharsets.UTF_8)).contains("Dry run: would send 2 records",
				"orders.DLT 1:0 -> orders  key=ord-1", "orders.DLT 1:1 -> orders  key=(null)  ce_type=missing");
		assertThat(endOffsets("orders")).isEqualTo(before);
	}

	@Test
	void sendsNothingWhenAChosenOffsetHoldsNoDeadLetter() {
		Map<TopicPartition, Long> before = endOffsets("orders");

		int exit = run("replay", "orders.DLT", "--offset", "1:0", "--offset", "0:7", "--bootstrap-server",
				broker.getBrokersAsString());

		assertThat(exit).isEqualTo(1);
		assertThat(this.err.toString(StandardCharsets.UTF_8)).contains("No record at 0:7 in orders.DLT",
				"Nothing was sent");
		assertThat(endOffsets("orders")).isEqualTo(before);
	}

	@Test
	void refusesATopicThatDoesNotExist() {
		int exit = run("list", "--topic", "inventory.DLT", "--bootstrap-server", broker.getBrokersAsString());

		assertThat(exit).isEqualTo(1);
		assertThat(this.err.toString(StandardCharsets.UTF_8)).contains("There is no topic inventory.DLT",
				"dead-letter topics: orders.DLT, payments.DLT");
	}

	@Test
	void saysSoWhenNoBrokerAnswers() {
		int exit = new DeadLetters(new PrintStream(this.out, true, StandardCharsets.UTF_8),
				new PrintStream(this.err, true, StandardCharsets.UTF_8), Duration.ofSeconds(1))
			.run("list", "--bootstrap-server", "localhost:" + closedPort());

		assertThat(exit).isEqualTo(1);
		assertThat(this.err.toString(StandardCharsets.UTF_8)).contains("did not answer within 1 s")
			.doesNotContain("Exception");
	}

	private int run(String... args) {
		return new DeadLetters(new PrintStream(this.out, true, StandardCharsets.UTF_8),
				new PrintStream(this.err, true, StandardCharsets.UTF_8), Duration.ofSeconds(10))
			.run(args);
	}

	private static Map<TopicPartition, Long> endOffsets(String topic) {
		try (KafkaConsumer<String, byte[]> consumer = consumer()) {
			return consumer.endOffsets(List.of(new TopicPartition(topic, 0), new TopicPartition(topic, 1)));
		}
	}

	private static List<ConsumerRecord<String, byte[]>> recordsAfter(Map<TopicPartition, Long> offsets) {
		try (KafkaConsumer<String, byte[]> consumer = consumer()) {
			consumer.assign(offsets.keySet());
			offsets.forEach(consumer::seek);
			Map<TopicPartition, Long> end = consumer.endOffsets(offsets.keySet());
			List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
			long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
			while (end.entrySet().stream().anyMatch((e) -> consumer.position(e.getKey()) < e.getValue())
					&& System.nanoTime() < deadline) {
				consumer.poll(Duration.ofMillis(100)).forEach(records::add);
			}
			return records;
		}
	}

	private static KafkaConsumer<String, byte[]> consumer() {
		return new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
						ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
				new StringDeserializer(), new ByteArrayDeserializer());
	}

	private static List<String> headerNames(ConsumerRecord<?, ?> record) {
		List<String> names = new ArrayList<>();
		for (Header header : record.headers()) {
			names.add(header.key());
		}
		return names;
	}

	private static int closedPort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
