package com.shop.events;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventJsonTest {

	private final UUID orderId = UUID.fromString("6f1c2a44-0f6e-4d43-9a57-5d2f0e0b7a11");

	@Test
	void moneyTravelsAsADecimalStringWithItsCurrency() {
		String json = new String(
				EventJson.write(new PaymentCompleted(this.orderId, this.orderId, Money.of("19.9", "EUR"))),
				StandardCharsets.UTF_8);
		assertThat(json).contains("\"amount\":{\"amount\":\"19.90\",\"currency\":\"EUR\"}");
	}

	@Test
	void instantsAreIso8601() {
		Instant at = Instant.parse("2026-01-02T03:04:05.678Z");
		String json = new String(EventJson.write(new OrderConfirmed(this.orderId, this.orderId, at)),
				StandardCharsets.UTF_8);
		assertThat(json).contains("\"confirmedAt\":\"2026-01-02T03:04:05.678Z\"");
	}

	@Test
	void everyPayloadSurvivesARoundTrip() {
		Money price = Money.of("89.90", "EUR");
		List<ShopEvent> samples = List.of(new ProductUpserted("KB-001", "Keyboard", price, true),
				new OrderPlaced(this.orderId, "c-1", "c@example.com", List.of(new OrderLine("KB-001", 2, price)),
						price.times(2), "tok_visa", Instant.now()),
				new PaymentRequested(this.orderId, "c-1", price, "tok_visa"),
				new OrderConfirmed(this.orderId, UUID.randomUUID(), Instant.now()),
				new OrderCancelled(this.orderId, CancellationReason.TIMEOUT, null, Instant.now()),
				new RefundRequested(this.orderId, UUID.randomUUID(), price, "late"),
				new StockReserved(this.orderId, List.of(new StockLine("KB-001", 2))),
				new StockRejected(this.orderId, RejectionReason.OUT_OF_STOCK,
						List.of(new StockShortage("KB-001", 2, 1))),
				new StockReleased(this.orderId, List.of(new StockLine("KB-001", 2))),
				new PaymentCompleted(this.orderId, UUID.randomUUID(), price),
				new PaymentFailed(this.orderId, PaymentFailureReason.DECLINED, "declined"),
				new PaymentRefunded(this.orderId, UUID.randomUUID(), price),
				new NotificationSent(this.orderId, Channel.EMAIL, "c@example.com", "order-confirmed"));
		assertThat(samples.stream().map(EventType::of)).containsExactlyInAnyOrder(EventType.values());
		for (ShopEvent event : samples) {
			assertThat(EventJson.read(EventJson.write(event), event.getClass())).isEqualTo(event);
		}
	}

	@Test
	void unknownFieldsAreIgnoredSoProducersCanAddOptionalOnes() {
		String json = "{\"orderId\":\"" + this.orderId + "\",\"paymentId\":\"" + this.orderId
				+ "\",\"amount\":{\"amount\":\"1.00\",\"currency\":\"EUR\"},\"loyaltyPoints\":12}";
		assertThat(EventJson.read(json.getBytes(StandardCharsets.UTF_8), PaymentCompleted.class).amount())
			.isEqualTo(Money.of("1.00", "EUR"));
	}

	@Test
	void missingRequiredFieldsAndBrokenJsonAreMalformed() {
		assertThatThrownBy(
				() -> EventJson.read("{\"orderId\":\"%s\"}".formatted(this.orderId).getBytes(), PaymentCompleted.class))
			.isInstanceOf(MalformedEventException.class)
			.hasMessageContaining("paymentId");
		assertThatThrownBy(() -> EventJson.read("{nope".getBytes(), PaymentCompleted.class))
			.isInstanceOf(MalformedEventException.class);
		assertThatThrownBy(() -> EventJson.read(null, PaymentCompleted.class))
			.isInstanceOf(MalformedEventException.class);
	}

	@ParameterizedTest
	@ValueSource(strings = { "1.7", "\"2\"", "true", "null", "{}", "[2]" })
	void aQuantityThatIsNotAnIntegerIsMalformedNotCoerced(String quantity) {
		String json = "{\"orderId\":\"%s\",\"items\":[{\"sku\":\"KB-001\",\"quantity\":%s}]}".formatted(this.orderId,
				quantity);
		assertThatThrownBy(() -> EventJson.read(json.getBytes(StandardCharsets.UTF_8), StockReserved.class))
			.isInstanceOf(MalformedEventException.class)
			.hasMessageContaining("quantity");
	}

	@ParameterizedTest
	@ValueSource(strings = { "42", "4.2", "true" })
	void aNumberOrBooleanWhereTextIsExpectedIsMalformed(String sku) {
		String json = "{\"orderId\":\"%s\",\"items\":[{\"sku\":%s,\"quantity\":2}]}".formatted(this.orderId, sku);
		assertThatThrownBy(() -> EventJson.read(json.getBytes(StandardCharsets.UTF_8), StockReserved.class))
			.isInstanceOf(MalformedEventException.class)
			.hasMessageContaining("sku");
	}

	@ParameterizedTest
	@ValueSource(strings = { "0", "\"0\"", "1.5", "true" })
	void anEnumIsReadByItsNameOnlyNotByItsIndex(String reason) {
		String json = "{\"orderId\":\"%s\",\"reason\":%s,\"cancelledAt\":\"2026-12-04T00:00:00Z\"}"
			.formatted(this.orderId, reason);
		assertThatThrownBy(() -> EventJson.read(json.getBytes(StandardCharsets.UTF_8), OrderCancelled.class))
			.isInstanceOf(MalformedEventException.class)
			.hasMessageContaining("reason");
	}

	@Test
	void anEmptyStringIsNotAMissingId() {
		String json = "{\"orderId\":\"\",\"reason\":\"TIMEOUT\",\"cancelledAt\":\"2026-12-04T00:00:00Z\"}";
		assertThatThrownBy(() -> EventJson.read(json.getBytes(StandardCharsets.UTF_8), OrderCancelled.class))
			.isInstanceOf(MalformedEventException.class)
			.hasMessageContaining("orderId");
	}

	@ParameterizedTest
	@ValueSource(strings = { "\"true\"", "1", "0.0" })
	void aBooleanThatIsNotABooleanIsMalformed(String active) {
		String json = "{\"sku\":\"KB-001\",\"name\":\"Keyboard\",\"unitPrice\":{\"amount\":\"9.90\",\"currency\":\"EUR\"},\"active\":%s}"
			.formatted(active);
		assertThatThrownBy(() -> EventJson.read(json.getBytes(StandardCharsets.UTF_8), ProductUpserted.class))
			.isInstanceOf(MalformedEventException.class)
			.hasMessageContaining("active");
	}

	@Test
	void aMoneyAmountIsADecimalStringAndKeepsAtMostTwoDecimals() {
		String json = "{\"sku\":\"KB-001\",\"name\":\"Keyboard\",\"unitPrice\":{\"amount\":\"%s\",\"currency\":\"EUR\"},\"active\":true}";
		assertThat(EventJson.read(json.formatted("9.9").getBytes(StandardCharsets.UTF_8), ProductUpserted.class)
			.unitPrice()).isEqualTo(Money.of("9.90", "EUR"));
		assertThatThrownBy(
				() -> EventJson.read(json.formatted("9.999").getBytes(StandardCharsets.UTF_8), ProductUpserted.class))
			.isInstanceOf(MalformedEventException.class);
		assertThatThrownBy(
				() -> EventJson.read(json.formatted("nine").getBytes(StandardCharsets.UTF_8), ProductUpserted.class))
			.isInstanceOf(MalformedEventException.class);
		assertThatThrownBy(() -> EventJson.read(json.replace("\"%s\"", "9.90").getBytes(StandardCharsets.UTF_8),
				ProductUpserted.class))
			.isInstanceOf(MalformedEventException.class)
			.hasMessageContaining("amount");
	}

	@Test
	void typeNamesFollowTheContract() {
		assertThat(Arrays.stream(EventType.values()).map(EventType::typeName))
			.allMatch((name) -> name.matches("shop\\.[a-z]+\\.[a-z-]+\\.v1"));
		assertThat(EventType.byName("shop.order.placed.v1")).contains(EventType.ORDER_PLACED);
		assertThat(EventType.byName("shop.order.placed.v9")).isEmpty();
		assertThat(EventType.of(OrderPlaced.class).topic()).isEqualTo(Topics.ORDERS);
	}

}
