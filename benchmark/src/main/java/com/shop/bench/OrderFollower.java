package com.shop.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import com.shop.events.Envelope;
import com.shop.events.EventJson;
import com.shop.events.EventType;
import com.shop.events.OrderCancelled;
import com.shop.events.Topics;

/**
 * Follows every order to its end by reading the {@code orders} topic as it is written:
 * assigned to all partitions (no consumer group, nothing committed), from the end at
 * start. Each OrderConfirmed or OrderCancelled goes to the current run's recorder with
 * the time this process received it.
 */
final class OrderFollower implements AutoCloseable {

	private static final String CONFIRMED = EventType.ORDER_CONFIRMED.typeName();

	private static final String CANCELLED = EventType.ORDER_CANCELLED.typeName();

	private final KafkaConsumer<String, byte[]> consumer;

	private final Thread thread;

	private volatile RunRecorder recorder;

	private volatile boolean running = true;

	OrderFollower(String bootstrap, Map<String, Object> login) {
		Map<String, Object> config = new HashMap<>(login);
		config.putAll(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
				ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false, ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000,
				ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 100, ConsumerConfig.CLIENT_ID_CONFIG, "bench-follower"));
		this.consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
		List<TopicPartition> partitions = this.consumer.partitionsFor(Topics.ORDERS, Duration.ofSeconds(10))
			.stream()
			.map((info) -> new TopicPartition(info.topic(), info.partition()))
			.toList();
		this.consumer.assign(partitions);
		this.consumer.seekToEnd(partitions);
		// resolve the positions now, so that nothing written after this returns is missed
		partitions.forEach((partition) -> this.consumer.position(partition, Duration.ofSeconds(10)));
		this.thread = new Thread(this::follow, "bench-follower");
		this.thread.setDaemon(true);
		this.thread.start();
	}

	void follow(RunRecorder recorder) {
		this.recorder = recorder;
	}

	private void follow() {
		try {
			while (this.running) {
				ConsumerRecords<String, byte[]> records = this.consumer.poll(Duration.ofMillis(200));
				long received = System.nanoTime();
				RunRecorder target = this.recorder;
				if (target == null) {
					continue;
				}
				for (ConsumerRecord<String, byte[]> record : records) {
					String type = header(record, Envelope.TYPE);
					if (CONFIRMED.equals(type)) {
						target.settled(UUID.fromString(record.key()), RunRecorder.CONFIRMED, received);
					}
					else if (CANCELLED.equals(type)) {
						OrderCancelled cancelled = EventJson.read(record.value(), OrderCancelled.class);
						target.settled(cancelled.orderId(), "CANCELLED:" + cancelled.reason(), received);
					}
				}
			}
		}
		catch (WakeupException ex) {
			// closing
		}
	}

	private static String header(ConsumerRecord<String, byte[]> record, String name) {
		Header header = record.headers().lastHeader(name);
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

	@Override
	public void close() throws InterruptedException {
		this.running = false;
		this.consumer.wakeup();
		this.thread.join(5000);
		this.consumer.close(Duration.ofSeconds(2));
	}

}
