package com.shop.stack;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.apache.kafka.common.header.Header;

/**
 * One record of a {@code <topic>.DLT} topic as spring-kafka's
 * {@code DeadLetterPublishingRecoverer} writes it: the failed record's key, value and
 * headers, plus {@code kafka_dlt-*} headers that say where it came from and why it
 * failed. Those headers hold partitions as 4-byte and offsets and times as 8-byte
 * big-endian numbers, everything else as UTF-8 text.
 */
record DeadLetter(TopicRecord record) {

	static final String SUFFIX = ".DLT";

	static final String HEADER_PREFIX = "kafka_dlt-";

	static final String ORIGINAL_TOPIC = "kafka_dlt-original-topic";

	static final String ORIGINAL_PARTITION = "kafka_dlt-original-partition";

	static final String ORIGINAL_OFFSET = "kafka_dlt-original-offset";

	static final String ORIGINAL_TIMESTAMP = "kafka_dlt-original-timestamp";

	static final String ORIGINAL_CONSUMER_GROUP = "kafka_dlt-original-consumer-group";

	static final String EXCEPTION_FQCN = "kafka_dlt-exception-fqcn";

	static final String EXCEPTION_CAUSE_FQCN = "kafka_dlt-exception-cause-fqcn";

	static final String EXCEPTION_MESSAGE = "kafka_dlt-exception-message";

	/** The dead-letter topic it sits in. */
	String topic() {
		return this.record.topic();
	}

	/** Where it sits in its dead-letter topic, as {@code partition:offset}. */
	String position() {
		return this.record.position();
	}

	/**
	 * The topic it failed on; the dead-letter topic's name without {@code .DLT} when the
	 * header is missing.
	 */
	String originalTopic() {
		String header = text(ORIGINAL_TOPIC);
		if (header != null && !header.isBlank()) {
			return header;
		}
		String topic = this.record.topic();
		return topic.endsWith(SUFFIX) ? topic.substring(0, topic.length() - SUFFIX.length()) : topic;
	}

	Long originalPartition() {
		return number(ORIGINAL_PARTITION);
	}

	Long originalOffset() {
		return number(ORIGINAL_OFFSET);
	}

	Instant originalTimestamp() {
		Long millis = number(ORIGINAL_TIMESTAMP);
		return (millis != null) ? Instant.ofEpochMilli(millis) : null;
	}

	String consumerGroup() {
		return text(ORIGINAL_CONSUMER_GROUP);
	}

	/** The root cause's class where spring-kafka recorded one, else the thrown one's. */
	String exceptionClass() {
		String cause = text(EXCEPTION_CAUSE_FQCN);
		return (cause != null) ? cause : text(EXCEPTION_FQCN);
	}

	String exceptionMessage() {
		return text(EXCEPTION_MESSAGE);
	}

	/** The headers the record had before it failed, in their order. */
	List<Header> originalHeaders() {
		return this.record.headers().stream().filter((header) -> !header.key().startsWith(HEADER_PREFIX)).toList();
	}

	/** The last value of a header as UTF-8 text, or {@code null}. */
	String text(String name) {
		return this.record.text(name);
	}

	private Long number(String name) {
		byte[] value = this.record.header(name);
		if (value == null) {
			return null;
		}
		String text = new String(value, StandardCharsets.UTF_8);
		// other publishers write numbers as text; as binary, digits only would be absurd
		if (text.matches("-?[0-9]{1,18}")) {
			return Long.valueOf(text);
		}
		if (value.length == Integer.BYTES) {
			return (long) ByteBuffer.wrap(value).getInt();
		}
		if (value.length == Long.BYTES) {
			return ByteBuffer.wrap(value).getLong();
		}
		return null;
	}

}
