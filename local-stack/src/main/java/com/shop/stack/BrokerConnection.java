package com.shop.stack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads the dead-letter topics of a broker without joining a consumer group: each topic
 * from the beginning up to the end it had when reading began, so nothing is committed and
 * no service's group is disturbed.
 */
final class DeadLetterTopics implements AutoCloseable {

	static final String SUFFIX = ".DLT";

	private static final String CLIENT_ID = "stack-dlt";

	private final String bootstrapServers;

	private final Duration timeout;

	private final Admin admin;

	private DeadLetterTopics(String bootstrapServers, Duration timeout, Admin admin) {
		this.bootstrapServers = bootstrapServers;
		this.timeout = timeout;
		this.admin = admin;
	}

	/** Connects, failing within about {@code timeout} when no broker answers. */
	static DeadLetterTopics connect(String bootstrapServers, Duration timeout) throws BrokerException {
		Admin admin;
		try {
			admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
					AdminClientConfig.CLIENT_ID_CONFIG, CLIENT_ID, AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
					(int) timeout.toMillis(), AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
					(int) timeout.toMillis()));
		}
		catch (KafkaException ex) {
			// an address that does not resolve fails here already
			throw new BrokerException("Cannot use Kafka at " + bootstrapServers + ": "
					+ ((ex.getCause() != null) ? ex.getCause().getMessage() : ex.getMessage()));
		}
		DeadLetterTopics topics = new DeadLetterTopics(bootstrapServers, timeout, admin);
		try {
			admin.describeCluster().nodes().get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
			return topics;
		}
		catch (ExecutionException | TimeoutException ex) {
			topics.close();
			throw topics.failure(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			topics.close();
			throw topics.unreachable();
		}
	}

	/** The names of all dead-letter topics, sorted. */
	List<String> names() throws BrokerException {
		return answer(this.admin.listTopics().names()).stream()
			.filter((name) -> name.endsWith(SUFFIX))
			.sorted()
			.toList();
	}

	boolean exists(String topic) throws BrokerException {
		return answer(this.admin.listTopics().names()).contains(topic);
	}

	/** Every record the topic holds up to the end offsets it had when reading began. */
	List<DeadLetter> read(String topic) throws BrokerException {
		try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerConfig(), new ByteArrayDeserializer(),
				new ByteArrayDeserializer())) {
			List<TopicPartition> partitions = consumer.partitionsFor(topic, this.timeout)
				.stream()
				.map((info) -> new TopicPartition(topic, info.partition()))
				.toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> end = consumer.endOffsets(partitions, this.timeout);
			List<DeadLetter> letters = new ArrayList<>();
			long deadline = System.nanoTime() + this.timeout.toNanos();
			while (!reachedEnd(consumer, end)) {
				if (System.nanoTime() > deadline) {
					throw unreachable();
				}
				for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
					if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
						letters.add(DeadLetter.of(record));
						deadline = System.nanoTime() + this.timeout.toNanos();
					}
				}
			}
			return letters;
		}
		catch (KafkaException ex) {
			throw failure(ex);
		}
	}

	/** Settings for other clients of the same broker. */
	Map<String, Object> clientConfig() {
		Map<String, Object> config = new HashMap<>();
		config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers);
		config.put(CommonClientConfigs.CLIENT_ID_CONFIG, CLIENT_ID);
		config.put(CommonClientConfigs.REQUEST_TIMEOUT_MS_CONFIG, (int) this.timeout.toMillis());
		return config;
	}

	Duration timeout() {
		return this.timeout;
	}

	String bootstrapServers() {
		return this.bootstrapServers;
	}

	private Map<String, Object> consumerConfig() {
		Map<String, Object> config = clientConfig();
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
		// what a transactional producer aborted never reached the consumers either
		config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) this.timeout.toMillis());
		return config;
	}

	private boolean reachedEnd(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> end) {
		return end.entrySet()
			.stream()
			.allMatch((partition) -> consumer.position(partition.getKey(), this.timeout) >= partition.getValue());
	}

	private <T> T answer(KafkaFuture<T> future) throws BrokerException {
		try {
			return future.get(this.timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw failure(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw unreachable();
		}
	}

	/** What went wrong, as the developer at the terminal needs to hear it. */
	BrokerException failure(Exception ex) {
		Throwable cause = (ex instanceof ExecutionException && ex.getCause() != null) ? ex.getCause() : ex;
		if (cause instanceof TimeoutException || cause instanceof org.apache.kafka.common.errors.TimeoutException) {
			return unreachable();
		}
		return new BrokerException("Kafka at " + this.bootstrapServers + " failed: " + cause.getMessage());
	}

	private BrokerException unreachable() {
		String hint = this.bootstrapServers.equals(BrokerConfig.BOOTSTRAP) ? " Is the stack running (./stack up)?" : "";
		return new BrokerException("Kafka at " + this.bootstrapServers + " did not answer within "
				+ this.timeout.toSeconds() + " s." + hint);
	}

	@Override
	public void close() {
		this.admin.close(Duration.ofSeconds(2));
	}

}
