package com.shop.testsupport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads topics from their beginning in the background and keeps every record, so a test
 * can await and assert what was really published, headers included.
 */
public final class TopicRecorder implements AutoCloseable {

	private final KafkaConsumer<String, byte[]> consumer;

	private final List<ConsumerRecord<String, byte[]>> records = new CopyOnWriteArrayList<>();

	/**
	 * Positions already recorded: after a broker restart the group may read them again.
	 */
	private final Set<String> seen = new HashSet<>();

	private final Thread thread;

	private volatile boolean running = true;

	private TopicRecorder(Map<String, Object> clientConfig, Collection<String> topics) {
		Map<String, Object> config = new HashMap<>(clientConfig);
		config.put(ConsumerConfig.GROUP_ID_CONFIG, "test-recorder-" + UUID.randomUUID());
		config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		this.consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
		this.consumer.subscribe(topics);
		this.thread = new Thread(this::poll, "topic-recorder");
		this.thread.setDaemon(true);
		this.thread.start();
	}

	/** Starts recording the topics on the shared broker. */
	public static TopicRecorder record(String... topics) {
		return record(Infrastructure.kafkaBootstrapServers(), List.of(topics));
	}

	public static TopicRecorder record(String bootstrapServers, Collection<String> topics) {
		return record(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), topics);
	}

	/** Starts recording the topics with these client settings (bootstrap and login). */
	public static TopicRecorder record(Map<String, Object> clientConfig, Collection<String> topics) {
		return new TopicRecorder(clientConfig, topics);
	}

	private void poll() {
		try {
			while (this.running) {
				for (ConsumerRecord<String, byte[]> record : this.consumer.poll(Duration.ofMillis(100))) {
					if (this.seen.add(record.topic() + "-" + record.partition() + "@" + record.offset())) {
						this.records.add(record);
					}
				}
			}
		}
		catch (WakeupException ex) {
			// closing
		}
		finally {
			this.consumer.close();
		}
	}

	public List<ConsumerRecord<String, byte[]>> records() {
		return new ArrayList<>(this.records);
	}

	public List<ConsumerRecord<String, byte[]>> records(Predicate<ConsumerRecord<String, byte[]>> filter) {
		return this.records.stream().filter(filter).toList();
	}

	/** Records whose key is {@code key}, in offset order per partition. */
	public List<ConsumerRecord<String, byte[]>> withKey(String key) {
		return records((record) -> key.equals(record.key()));
	}

	/** The value of a header as text, or null. */
	public static String header(ConsumerRecord<?, ?> record, String name) {
		var header = record.headers().lastHeader(name);
		return (header != null) ? new String(header.value(), java.nio.charset.StandardCharsets.UTF_8) : null;
	}

	public static TopicPartition partitionOf(ConsumerRecord<?, ?> record) {
		return new TopicPartition(record.topic(), record.partition());
	}

	@Override
	public void close() {
		this.running = false;
		this.consumer.wakeup();
		try {
			this.thread.join(5000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
