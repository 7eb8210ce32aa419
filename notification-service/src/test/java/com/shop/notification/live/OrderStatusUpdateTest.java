package com.shop.notification.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** The rule that keeps an order's status from moving backwards. */
class OrderStatusUpdateTest {

	private static final UUID ORDER = UUID.randomUUID();

	private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

	@Test
	void firstUpdateIsTaken() {
		OrderStatusUpdate placed = update(OrderStatus.PENDING, 0, null);
		assertThat(placed.after(null)).isEqualTo(placed);
	}

	@Test
	void laterStateIsTakenEvenWithAnEarlierClock() {
		OrderStatusUpdate placed = update(OrderStatus.PENDING, 10, null);
		OrderStatusUpdate reserved = update(OrderStatus.RESERVED, 5, null);
		assertThat(reserved.after(placed)).isEqualTo(reserved);
	}

	@Test
	void earlierStateOrRepeatIsDropped() {
		OrderStatusUpdate reserved = update(OrderStatus.RESERVED, 10, null);
		assertThat(update(OrderStatus.PENDING, 20, null).after(reserved)).isNull();
		assertThat(reserved.after(reserved)).isNull();
		assertThat(update(OrderStatus.RESERVED, 5, null).after(reserved)).isNull();
	}

	@Test
	void terminalStateNeverTurnsIntoTheOther() {
		OrderStatusUpdate confirmed = update(OrderStatus.CONFIRMED, 10, null);
		assertThat(update(OrderStatus.CANCELLED, 20, "TIMEOUT").after(confirmed)).isNull();
		assertThat(update(OrderStatus.RESERVED, 20, null).after(confirmed)).isNull();
	}

	@Test
	void refundAfterCancellationKeepsTheReason() {
		OrderStatusUpdate cancelled = update(OrderStatus.CANCELLED, 10, "PAYMENT_DECLINED");
		OrderStatusUpdate refund = new OrderStatusUpdate(ORDER, OrderStatus.CANCELLED, "shop.order.refund-requested.v1",
				T0.plusSeconds(20), null);
		assertThat(refund.after(cancelled)).isEqualTo(new OrderStatusUpdate(ORDER, OrderStatus.CANCELLED,
				"shop.order.refund-requested.v1", T0.plusSeconds(20), "PAYMENT_DECLINED"));
	}

	@Test
	void messageIsTheContractsJson() {
		assertThat(update(OrderStatus.CANCELLED, 0, "OUT_OF_STOCK").toJson())
			.isEqualTo("{\"orderId\":\"" + ORDER + "\",\"status\":\"CANCELLED\",\"type\":\"test\",\"occurredAt\":"
					+ "\"2025-03-01T10:00:00Z\",\"cancellationReason\":\"OUT_OF_STOCK\"}");
		assertThat(update(OrderStatus.PENDING, 0, null).toJson()).doesNotContain("cancellationReason");
	}

	private static OrderStatusUpdate update(OrderStatus status, int seconds, String reason) {
		return new OrderStatusUpdate(ORDER, status, "test", T0.plusSeconds(seconds), reason);
	}

}
