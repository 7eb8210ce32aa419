package com.shop.system;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Puts records on the broker as another service would, broken ones included, to test that
 * they are dead-lettered. A copy of test-support's {@code TestEvents} that takes whole
 * client settings, because the system tests' broker wants a login; to be removed once
 * test-support's takes them.
 */
final class TestEvents implements AutoCloseable {

	private final KafkaProducer<String, byte[]> producer;

	TestEvents(Map<String, Object> clientConfig) {
		this.producer = new KafkaProducer<>(clientConfig, new StringSerializer(), new ByteArraySerializer());
	}

	/** Sends any record, valid or not, and waits until the broker has it. */
	void send(String topic, String key, Map<String, String> headers, byte[] value) {
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
