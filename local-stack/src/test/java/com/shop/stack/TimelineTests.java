package com.shop.stack;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TimelineTests {

	private static final Instant T0 = Instant.parse("2026-11-30T03:23:55.329Z");

	@Test
	void ordersRecordsOfTheSameMillisecondByTheirEventTime() {
		TopicRecord requested = record("orders", 0, "shop.order.payment-requested.v1", "2026-11-30T03:23:55.329900Z");
		TopicRecord reserved = record("inventory", 0, "shop.inventory.stock-reserved.v1",
				"2026-11-30T03:23:55.329100Z");

		assertThat(Timeline.of(List.of(requested, reserved)).records()).containsExactly(reserved, requested);
	}

	@Test
	void saysWhenNoTerminalEventWasSeen() {
		Timeline timeline = Timeline.of(List.of(record("orders", 0, "shop.order.placed.v1", null),
				record("inventory", 25, "shop.inventory.stock-reserved.v1", null)));

		assertThat(timeline.summary()).isEqualTo("25 ms from the first to the last of 2 records; no terminal event "
				+ "(shop.order.confirmed.v1 / shop.order.cancelled.v1) yet");
	}

	@Test
	void aDeadLetteredCopyIsNoTerminalEvent() {
		Timeline timeline = Timeline.of(List.of(record("orders", 0, "shop.order.placed.v1", null),
				record("orders.DLT", 5, "shop.order.cancelled.v1", null)));

		assertThat(timeline.terminal()).isNull();
		assertThat(timeline.render(false)).contains(
				"+5 ms  orders.DLT  /order-service  shop.order.cancelled.v1  " + "(dead letter: a consumer gave up)");
	}

	private static TopicRecord record(String topic, long millis, String type, String eventTime) {
		List<Header> headers = (eventTime != null)
				? List.of(header("ce_type", type), header("ce_source", "/order-service"), header("ce_time", eventTime))
				: List.of(header("ce_type", type), header("ce_source", "/order-service"));
		return new TopicRecord(topic, 0, millis, T0.plusMillis(millis), utf8("ord-1"), utf8("{}"), headers);
	}

	private static RecordHeader header(String name, String value) {
		return new RecordHeader(name, utf8(value));
	}

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
