package com.shop.stack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads topics without joining a consumer group: every partition is assigned and read
 * from the beginning up to the end offsets it had when reading began, and, when
 * following, on as new records arrive until {@link #stop()}. Nothing is committed, so no
 * service's group is disturbed.
 */
final class TopicReader {

	private static final Duration POLL = Duration.ofMillis(200);

	private final BrokerConnection kafka;

	private volatile boolean stopped;

	private volatile KafkaConsumer<byte[], byte[]> consumer;

	TopicReader(BrokerConnection kafka) {
		this.kafka = kafka;
	}

	/** Where the records go, and when the reader has caught up with the end offsets. */
	interface Sink {

		void accept(TopicRecord record);

		/** Called once, after the last record that existed when reading began. */
		default void caughtUp() {
		}

	}

	/** Every record the topics hold up to the end offsets they had when reading began. */
	List<TopicRecord> readToEnd(Collection<String> topics) throws BrokerException {
		List<TopicRecord> records = new ArrayList<>();
		read(topics, false, records::add);
		return records;
	}

	/**
	 * Reads the topics from the beginning; when following, goes on after the end offsets
	 * until stopped.
	 */
	void read(Collection<String> topics, boolean follow, Sink sink) throws BrokerException {
		Map<String, Object> config = this.kafka.consumerConfig();
		// the broker holds an empty fetch this long (500 ms by default) before it answers
		config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 100);
		try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
				new ByteArrayDeserializer())) {
			this.consumer = consumer;
			List<TopicPartition> partitions = new ArrayList<>();
			for (String topic : topics) {
				consumer.partitionsFor(topic, this.kafka.timeout())
					.forEach((info) -> partitions.add(new TopicPartition(topic, info.partition())));
			}
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> end = consumer.endOffsets(partitions, this.kafka.timeout());
			List<TopicRecord> later = catchUp(consumer, end, sink, follow);
			if (!follow || this.stopped) {
				return;
			}
			sink.caughtUp();
			later.forEach(sink::accept);
			while (!this.stopped) {
				consumer.poll(POLL).forEach((record) -> sink.accept(TopicRecord.of(record)));
			}
		}
		catch (WakeupException | InterruptException ex) {
			// stopped while waiting for records
		}
		catch (KafkaException ex) {
			throw this.kafka.failure(ex);
		}
		finally {
			this.consumer = null;
		}
	}

	/** Ends a read in progress, from any thread (e.g. on Ctrl-C). */
	void stop() {
		this.stopped = true;
		KafkaConsumer<byte[], byte[]> current = this.consumer;
		if (current != null) {
			current.wakeup();
		}
	}

	/**
	 * Hands over the records below the end offsets; when following, returns those already
	 * fetched beyond them, which belong to what follows.
	 */
	private List<TopicRecord> catchUp(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> end, Sink sink,
			boolean follow) throws BrokerException {
		List<TopicRecord> later = new ArrayList<>();
		long deadline = System.nanoTime() + this.kafka.timeout().toNanos();
		while (!this.stopped && !reachedEnd(consumer, end)) {
			if (System.nanoTime() > deadline) {
				throw this.kafka.unreachable();
			}
			for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
				TopicRecord read = TopicRecord.of(record);
				if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
					sink.accept(read);
					deadline = System.nanoTime() + this.kafka.timeout().toNanos();
				}
				else if (follow) {
					later.add(read);
				}
			}
		}
		return later;
	}

	private boolean reachedEnd(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> end) {
		return end.entrySet()
			.stream()
			.allMatch(
					(partition) -> consumer.position(partition.getKey(), this.kafka.timeout()) >= partition.getValue());
	}

}
