package com.shop.stack;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * One record as the inspection commands read it: where it sits, when it was written, and
 * its key, value and headers as raw bytes (nothing is deserialised, so a broken record
 * can be shown too).
 */
record TopicRecord(String topic, int partition, long offset, Instant timestamp, byte[] key, byte[] value,
		List<Header> headers) {

	/**
	 * Oldest first; records of the same millisecond by topic, partition and offset, so
	 * that the order is stable.
	 */
	static final Comparator<TopicRecord> IN_TIME_ORDER = Comparator.comparing(TopicRecord::timestamp)
		.thenComparing(TopicRecord::topic)
		.thenComparingInt(TopicRecord::partition)
		.thenComparingLong(TopicRecord::offset);

	static TopicRecord of(ConsumerRecord<byte[], byte[]> record) {
		List<Header> headers = new ArrayList<>();
		record.headers().forEach(headers::add);
		return new TopicRecord(record.topic(), record.partition(), record.offset(),
				Instant.ofEpochMilli(record.timestamp()), record.key(), record.value(), List.copyOf(headers));
	}

	/** Where it sits in its topic, as {@code partition:offset}. */
	String position() {
		return this.partition + ":" + this.offset;
	}

	/** The key as UTF-8 text, or {@code null}. */
	String keyText() {
		return (this.key != null) ? new String(this.key, StandardCharsets.UTF_8) : null;
	}

	/** The last value of a header as UTF-8 text, or {@code null}. */
	String text(String name) {
		byte[] value = header(name);
		return (value != null) ? new String(value, StandardCharsets.UTF_8) : null;
	}

	/** The last value of a header, or {@code null}. */
	byte[] header(String name) {
		byte[] value = null;
		for (Header header : this.headers) {
			if (header.key().equals(name)) {
				value = header.value();
			}
		}
		return value;
	}

}
