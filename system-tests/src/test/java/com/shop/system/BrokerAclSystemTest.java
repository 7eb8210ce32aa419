package com.shop.system;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import com.shop.events.Envelope;
import com.shop.events.EventType;
import com.shop.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The broker enforces one writer per topic: a service's own login, the one it runs with,
 * writes its own topic and is refused another service's, and cannot read a topic it does
 * not consume. Runs on the shared system (the services created the topics at start).
 */
class BrokerAclSystemTest {

	private static RunningSystem system;

	@BeforeAll
	static void start() {
		system = RunningSystem.get();
	}

	@Test
	void orderServiceWritesOrdersButNotPayments() throws Exception {
		try (KafkaProducer<String, byte[]> producer = producer("order-service")) {
			String key = UUID.randomUUID().toString();
			// a type no consumer handles: they skip it, as the contract asks
			ProducerRecord<String, byte[]> probe = new ProducerRecord<>(Topics.ORDERS, key, "{}".getBytes());
			Map<String, String> headers = new HashMap<>(
					Envelope.create("/order-service", EventType.values()[0], key, null).toHeaders());
			headers.put(Envelope.TYPE, "shop.unknown.acl-probe.v1");
			headers.forEach((name, value) -> probe.headers().add(name, value.getBytes()));

			RecordMetadata written = producer.send(probe).get(20, TimeUnit.SECONDS);
			assertThat(written.topic()).isEqualTo(Topics.ORDERS);

			assertThatThrownBy(() -> producer.send(new ProducerRecord<>(Topics.PAYMENTS, key, "{}".getBytes()))
				.get(20, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
				.cause()
				.isInstanceOf(TopicAuthorizationException.class)
				.hasMessageContaining(Topics.PAYMENTS);
		}
	}

	@Test
	void paymentServiceCannotReadInventory() {
		Map<String, Object> config = system.kafka.loggedInAs("payment-service");
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
				new ByteArrayDeserializer())) {
			// assigned, not subscribed: no group, so payment-service's own is untouched
			consumer.assign(List.of(new TopicPartition(Topics.INVENTORY, 0)));
			assertThatThrownBy(() -> {
				for (int i = 0; i < 50; i++) {
					consumer.poll(Duration.ofMillis(200));
				}
			}).isInstanceOf(TopicAuthorizationException.class).hasMessageContaining(Topics.INVENTORY);
		}
	}

	private static KafkaProducer<String, byte[]> producer(String service) {
		Map<String, Object> config = system.kafka.loggedInAs(service);
		config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
		config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15_000);
		config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
		return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
	}

}
