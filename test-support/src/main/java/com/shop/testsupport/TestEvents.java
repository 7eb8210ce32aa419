package com.shop.testsupport;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import com.shop.events.Envelope;
import com.shop.events.EventJson;
import com.shop.events.EventType;
import com.shop.events.ShopEvent;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Puts events on the shared broker as another service would: on the event type's topic,
 * keyed by its subject, with the CloudEvents headers. Also puts broken records, to test
 * that they are dead-lettered.
 */
public final class TestEvents implements AutoCloseable {

	private final KafkaProducer<String, byte[]> producer;

	public TestEvents() {
		this(Infrastructure.kafkaBootstrapServers());
	}

	public TestEvents(String bootstrapServers) {
		this(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
	}

	/** With these client settings (bootstrap and login). */
	public TestEvents(Map<String, Object> clientConfig) {
		this.producer = new KafkaProducer<>(clientConfig, new StringSerializer(), new ByteArraySerializer());
	}

	/** Sends the event with a new envelope and returns the envelope (to redeliver it). */
	public Envelope send(ShopEvent event) {
		Envelope envelope = Envelope.create("/test", EventType.of(event), event.subject(), null);
		send(envelope, event);
		return envelope;
	}

	/** Sends the event with the given envelope: the same ce_id again is a redelivery. */
	public void send(Envelope envelope, ShopEvent event) {
		send(EventType.of(event).topic(), event.subject(), envelope.toHeaders(), EventJson.write(event));
	}

	/** Sends any record, valid or not, and waits until the broker has it. */
	public void send(String topic, String key, Map<String, String> headers, byte[] value) {
		ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, value);
		headers.forEach((name, text) -> record.headers().add(name, text.getBytes(StandardCharsets.UTF_8)));
		try {
			this.producer.send(record).get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("could not send to " + topic, ex.getCause());
		}
	}

	@Override
	public void close() {
		this.producer.close();
	}

}
