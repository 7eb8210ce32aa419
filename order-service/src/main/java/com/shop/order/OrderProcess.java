package com.shop.order;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.shop.events.CancellationReason;
import com.shop.events.OrderCancelled;
import com.shop.events.OrderConfirmed;
import com.shop.events.PaymentCompleted;
import com.shop.events.PaymentFailed;
import com.shop.events.PaymentRequested;
import com.shop.events.RefundRequested;
import com.shop.events.RejectionReason;
import com.shop.events.ShopEvent;
import com.shop.events.StockRejected;
import com.shop.events.StockReserved;
import com.shop.messaging.BatchState;
import com.shop.messaging.EventPublisher;
import com.shop.order.OrderExceptions.NotCancellable;
import com.shop.order.OrderExceptions.OrderNotFound;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Coordinates the saga: moves each order through its states as inventory and payment
 * report back, and tells them what to do next. Every step changes the order and publishes
 * its consequence in one transaction. An event that does not fit the order's state is
 * ignored: it stays on the order's timeline, and nothing else happens.
 */
@Service
public class OrderProcess {

	private static final Logger log = LoggerFactory.getLogger(OrderProcess.class);

	private final Orders orders;

	private final EventPublisher events;

	private final OrderMetrics metrics;

	private final JdbcTemplate jdbc;

	private final BatchState<LockedOrders> batch = new BatchState<>();

	OrderProcess(Orders orders, EventPublisher events, OrderMetrics metrics, JdbcTemplate jdbc) {
		this.orders = orders;
		this.events = events;
		this.metrics = metrics;
		this.jdbc = jdbc;
	}

	/**
	 * Locks the orders a batch of events is about ({@link LockedOrders}); the batch's
	 * steps change them in memory, and they are written back before the batch commits.
	 */
	public void lockOrders(List<ShopEvent> batch) {
		List<UUID> ids = batch.stream().map(ShopEvent::subject).distinct().map(UUID::fromString).toList();
		this.batch.bind(LockedOrders.lock(this.jdbc, ids), (locked) -> locked.write(this.jdbc));
	}

	/** Stock is held: ask for payment. */
	public void stockReserved(StockReserved reserved) {
		withOrder(reserved.orderId(), (order) -> {
			if (order.reserve()) {
				this.events.publish(
						new PaymentRequested(order.id(), order.customerId(), order.total(), order.paymentMethod()));
			}
			else {
				ignored(order, "StockReserved");
			}
		});
	}

	/** Stock cannot be held: the order cannot be fulfilled. */
	public void stockRejected(StockRejected rejected) {
		CancellationReason reason = (rejected.reason() == RejectionReason.UNKNOWN_PRODUCT)
				? CancellationReason.UNKNOWN_PRODUCT : CancellationReason.OUT_OF_STOCK;
		String detail = rejected.items()
			.stream()
			.map((item) -> item.sku() + ": requested " + item.requested() + ", available " + item.available())
			.collect(Collectors.joining("; "));
		withOrder(rejected.orderId(), (order) -> cancel(order, reason, detail));
	}

	/** Paid: confirm, or pay back when the order was cancelled meanwhile. */
	public void paymentCompleted(PaymentCompleted completed) {
		withOrder(completed.orderId(), (order) -> {
			if (order.confirm(completed.paymentId())) {
				this.events.publish(new OrderConfirmed(order.id(), completed.paymentId(), Instant.now()));
				this.metrics.settled(order);
			}
			else if (order.status() == OrderStatus.CANCELLED) {
				this.events.publish(new RefundRequested(order.id(), completed.paymentId(), completed.amount(),
						"order was " + order.cancellationReason() + " before the payment completed"));
			}
			else {
				ignored(order, "PaymentCompleted");
			}
		});
	}

	/** Not paid: cancel; inventory releases the stock when it sees the cancellation. */
	public void paymentFailed(PaymentFailed failed) {
		String detail = failed.reason() + ((failed.detail() != null) ? ": " + failed.detail() : "");
		withOrder(failed.orderId(), (order) -> cancel(order, CancellationReason.PAYMENT_DECLINED, detail));
	}

	/**
	 * The customer withdraws an open order; answers the cancelled order as {@code view}
	 * sees it.
	 */
	@Transactional
	public <T> T cancelByCustomer(UUID orderId, Function<Order, T> view) {
		Order order = this.orders.findForUpdate(orderId).orElseThrow(() -> new OrderNotFound(orderId));
		if (!order.cancel(CancellationReason.CUSTOMER_REQUEST, "cancelled by the customer")) {
			throw new NotCancellable(orderId, order.status());
		}
		this.events.publish(cancelled(order));
		this.metrics.settled(order);
		return view.apply(order);
	}

	/** Cancels open orders that have not moved for {@code timeout}; returns how many. */
	@Transactional
	public int cancelStale(Duration timeout, int limit) {
		List<Order> stale = this.orders.findStale(Instant.now().minus(timeout), PageRequest.ofSize(limit));
		stale.forEach((order) -> cancel(order, CancellationReason.TIMEOUT,
				"no progress for " + timeout.toSeconds() + " s while " + order.status()));
		return stale.size();
	}

	private void cancel(Order order, CancellationReason reason, String detail) {
		if (order.cancel(reason, detail)) {
			this.events.publish(cancelled(order));
			this.metrics.settled(order);
		}
		else {
			ignored(order, reason.name());
		}
	}

	private static OrderCancelled cancelled(Order order) {
		return new OrderCancelled(order.id(), order.cancellationReason(), order.cancellationDetail(), Instant.now());
	}

	/** The order, locked by {@link #lockOrders} for the batch this event is in. */
	private void withOrder(UUID orderId, Consumer<Order> step) {
		LockedOrders locked = this.batch.current()
			.orElseThrow(() -> new IllegalStateException("order events are handled in a prepared batch"));
		locked.get(orderId).ifPresentOrElse(step, () -> log.warn("Ignoring an event for unknown order {}", orderId));
	}

	private static void ignored(Order order, String what) {
		log.info("Order {} is {}: {} recorded and ignored", order.id(), order.status(), what);
	}

}
