package com.shop.inventory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import com.shop.events.Envelope;
import com.shop.events.EventJson;
import com.shop.events.EventType;
import com.shop.events.OrderEvent;
import com.shop.events.Topics;
import com.shop.messaging.KafkaEnvelope;
import com.shop.testsupport.Infrastructure;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Plays order-service in tests: puts order events on the {@code orders} topic. */
final class OrdersTopic implements AutoCloseable {

	private final KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
			Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.kafkaBootstrapServers()),
			new StringSerializer(), new ByteArraySerializer());

	/** A new envelope for the event, as order-service would write it. */
	static Envelope envelopeOf(OrderEvent event) {
		return Envelope.create("/order-service", EventType.of(event), event.subject(), null);
	}

	/** Sends the event in a new envelope and waits until the broker has it. */
	Envelope send(OrderEvent event) {
		Envelope envelope = envelopeOf(event);
		send(envelope, event);
		return envelope;
	}

	/** Sends the event in the given envelope (a redelivery when it was sent before). */
	void send(Envelope envelope, OrderEvent event) {
		sendRaw(event.subject(), envelope, EventJson.write(event));
	}

	/** Sends any bytes under a valid envelope, to test what a consumer makes of them. */
	void sendRaw(String key, Envelope envelope, byte[] value) {
		await(this.producer.send(record(key, envelope, value)));
	}

	/** Sends all events at once and waits until the broker has every one. */
	void sendAll(List<? extends OrderEvent> events) {
		List<Future<RecordMetadata>> acks = new ArrayList<>();
		for (OrderEvent event : events) {
			acks.add(this.producer.send(record(event.subject(), envelopeOf(event), EventJson.write(event))));
		}
		acks.forEach(OrdersTopic::await);
	}

	private static ProducerRecord<String, byte[]> record(String key, Envelope envelope, byte[] value) {
		ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.ORDERS, key, value);
		KafkaEnvelope.write(envelope, record.headers());
		return record;
	}

	private static void await(Future<RecordMetadata> ack) {
		try {
			ack.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("the broker did not take the record", ex.getCause());
		}
	}

	@Override
	public void close() {
		this.producer.close();
	}

}
