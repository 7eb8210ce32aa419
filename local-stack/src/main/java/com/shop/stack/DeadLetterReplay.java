package com.shop.stack;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Sends dead letters back to the topic they failed on, one at a time and in order, as
 * they were before they failed: same key, value and headers, without the
 * {@code kafka_dlt-*} headers (a record that fails again gets fresh ones).
 */
final class DeadLetterReplay {

	private DeadLetterReplay() {
	}

	/** The record to send; the key picks the partition, as it did for the original. */
	static ProducerRecord<byte[], byte[]> toSource(DeadLetter letter) {
		return new ProducerRecord<>(letter.originalTopic(), null, null, letter.record().key(), letter.record().value(),
				letter.originalHeaders());
	}

	/** Sends each letter and prints where it went; stops at the first that fails. */
	static void send(List<DeadLetter> letters, BrokerConnection kafka, PrintStream out) throws BrokerException {
		Map<String, Object> config = kafka.clientConfig();
		config.put(ProducerConfig.ACKS_CONFIG, "all");
		config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, kafka.timeout().toMillis());
		config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) kafka.timeout().multipliedBy(2).toMillis());
		try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config, new ByteArraySerializer(),
				new ByteArraySerializer())) {
			int sent = 0;
			for (DeadLetter letter : letters) {
				RecordMetadata metadata = sendOne(producer, letter, kafka, sent);
				out.println("  " + letter.topic() + " " + letter.position() + " -> " + metadata.topic() + " "
						+ metadata.partition() + ":" + metadata.offset() + "  " + describe(letter));
				sent++;
			}
			producer.close(Duration.ofSeconds(5));
		}
	}

	/** Key and event of a letter on one line. */
	static String describe(DeadLetter letter) {
		return "key=" + RecordText.oneLine(letter.record().key(), 60) + "  ce_type=" + orMissing(letter.text("ce_type"))
				+ "  ce_id=" + orMissing(letter.text("ce_id"));
	}

	private static RecordMetadata sendOne(KafkaProducer<byte[], byte[]> producer, DeadLetter letter,
			BrokerConnection kafka, int sent) throws BrokerException {
		try {
			return producer.send(toSource(letter))
				.get(kafka.timeout().multipliedBy(2).toMillis() + 1000, TimeUnit.MILLISECONDS);
		}
		catch (ExecutionException | TimeoutException | org.apache.kafka.common.KafkaException ex) {
			throw new BrokerException("Replaying " + letter.topic() + " " + letter.position() + " failed after " + sent
					+ " sent: " + kafka.failure(ex).getMessage());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new BrokerException("Interrupted while replaying " + letter.topic() + " " + letter.position()
					+ " after " + sent + " sent");
		}
	}

	private static String orMissing(String value) {
		return (value != null) ? value : DeadLetterListing.MISSING;
	}

}
