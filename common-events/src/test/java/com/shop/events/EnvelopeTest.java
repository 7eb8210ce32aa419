package com.shop.events;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EnvelopeTest {

	private final Envelope envelope = Envelope.create("/order-service", EventType.ORDER_PLACED, "o-1",
			"00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");

	@Test
	void writesEveryCloudEventsAttributeAsAHeader() {
		assertThat(this.envelope.toHeaders()).containsEntry("ce_specversion", "1.0")
			.containsEntry("ce_id", this.envelope.id().toString())
			.containsEntry("ce_source", "/order-service")
			.containsEntry("ce_type", "shop.order.placed.v1")
			.containsEntry("ce_time", this.envelope.time().toString())
			.containsEntry("ce_subject", "o-1")
			.containsEntry("content-type", "application/json")
			.containsEntry("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
	}

	@Test
	void readsBackWhatItWrote() {
		assertThat(Envelope.fromHeaders(this.envelope.toHeaders())).isEqualTo(this.envelope);
	}

	@Test
	void refusesMissingOrInvalidAttributes() {
		Map<String, String> headers = new HashMap<>(this.envelope.toHeaders());
		headers.remove("ce_type");
		assertThatThrownBy(() -> Envelope.fromHeaders(headers)).isInstanceOf(MalformedEventException.class)
			.hasMessageContaining("ce_type");
		headers.putAll(this.envelope.toHeaders());
		headers.put("ce_id", "not-a-uuid");
		assertThatThrownBy(() -> Envelope.fromHeaders(headers)).isInstanceOf(MalformedEventException.class);
		headers.put("ce_id", this.envelope.id().toString());
		headers.put("ce_specversion", "0.3");
		assertThatThrownBy(() -> Envelope.fromHeaders(headers)).isInstanceOf(MalformedEventException.class);
	}

}
