package com.shop.order;

import java.util.List;
import java.util.UUID;

import com.shop.events.CancellationReason;
import com.shop.events.Money;
import com.shop.events.OrderLine;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OrderTest {

	private final Order order = Order.place("c-1", "ada@example.com", List
		.of(new OrderLine("KB-001", 2, Money.of("89.90", "EUR")), new OrderLine("CB-005", 3, Money.of("9.99", "EUR"))),
			"tok_visa", null, "fp");

	@Test
	void newOrderIsPendingAndTotalsItsLines() {
		assertThat(this.order.status()).isEqualTo(OrderStatus.PENDING);
		assertThat(this.order.total()).isEqualTo(Money.of("209.77", "EUR"));
		assertThat(this.order.placed().items()).hasSize(2);
	}

	@Test
	void happyPathGoesThroughReservedToConfirmed() {
		UUID paymentId = UUID.randomUUID();
		assertThat(this.order.reserve()).isTrue();
		assertThat(this.order.confirm(paymentId)).isTrue();
		assertThat(this.order.status()).isEqualTo(OrderStatus.CONFIRMED);
		assertThat(this.order.paymentId()).isEqualTo(paymentId);
	}

	@Test
	void confirmingNeedsAReservation() {
		assertThat(this.order.confirm(UUID.randomUUID())).isFalse();
		assertThat(this.order.status()).isEqualTo(OrderStatus.PENDING);
	}

	@Test
	void openOrdersCanBeCancelledWithAReason() {
		assertThat(this.order.cancel(CancellationReason.OUT_OF_STOCK, "KB-001 short")).isTrue();
		assertThat(this.order.status()).isEqualTo(OrderStatus.CANCELLED);
		assertThat(this.order.cancellationReason()).isEqualTo(CancellationReason.OUT_OF_STOCK);

		Order reserved = Order.place("c", "c@example.com", List.of(new OrderLine("A", 1, Money.of("1.00", "EUR"))),
				"tok_visa", null, "fp");
		reserved.reserve();
		assertThat(reserved.cancel(CancellationReason.PAYMENT_DECLINED, "DECLINED")).isTrue();
	}

	@Test
	void terminalStatesDoNotMove() {
		this.order.reserve();
		this.order.confirm(UUID.randomUUID());
		assertThat(this.order.cancel(CancellationReason.CUSTOMER_REQUEST, null)).isFalse();
		assertThat(this.order.reserve()).isFalse();
		assertThat(this.order.status()).isEqualTo(OrderStatus.CONFIRMED);

		Order cancelled = Order.place("c", "c@example.com", List.of(new OrderLine("A", 1, Money.of("1.00", "EUR"))),
				"tok_visa", null, "fp");
		cancelled.cancel(CancellationReason.TIMEOUT, null);
		assertThat(cancelled.reserve()).isFalse();
		assertThat(cancelled.confirm(UUID.randomUUID())).isFalse();
		assertThat(cancelled.cancel(CancellationReason.OUT_OF_STOCK, null)).isFalse();
		assertThat(cancelled.cancellationReason()).isEqualTo(CancellationReason.TIMEOUT);
	}

	@Test
	void fingerprintTellsRequestsApart() {
		PlaceOrder request = new PlaceOrder("c-1", "a@example.com", List.of(new PlaceOrder.Line("KB-001", 1)),
				"tok_visa", "k");
		PlaceOrder same = new PlaceOrder("c-1", "a@example.com", List.of(new PlaceOrder.Line("KB-001", 1)), "tok_visa",
				"k");
		PlaceOrder more = new PlaceOrder("c-1", "a@example.com", List.of(new PlaceOrder.Line("KB-001", 2)), "tok_visa",
				"k");
		assertThat(request.fingerprint()).isEqualTo(same.fingerprint()).isNotEqualTo(more.fingerprint());
	}

}
