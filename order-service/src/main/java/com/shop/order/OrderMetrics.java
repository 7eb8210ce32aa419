package com.shop.order;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import com.shop.events.CancellationReason;
import com.shop.order.OrderPlacement.Placement;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The order figures an operator watches: orders placed, confirmed and cancelled (by
 * reason), how long placing takes, and how long an order takes to settle end to end. A
 * settlement counts once its transaction commits, so a retried event is not counted
 * twice.
 */
@Component
class OrderMetrics {

	private final MeterRegistry meters;

	private final Counter placed;

	private final Counter confirmed;

	private final Map<CancellationReason, Counter> cancelled = new EnumMap<>(CancellationReason.class);

	private final Timer settledConfirmed;

	private final Timer settledCancelled;

	private final Map<String, Timer> placement = new ConcurrentHashMap<>();

	OrderMetrics(MeterRegistry meters) {
		this.meters = meters;
		this.placed = Counter.builder("shop.orders.placed").description("Orders accepted").register(meters);
		this.confirmed = Counter.builder("shop.orders.confirmed").description("Orders confirmed").register(meters);
		for (CancellationReason reason : CancellationReason.values()) {
			this.cancelled.put(reason,
					Counter.builder("shop.orders.cancelled")
						.description("Orders cancelled, by reason")
						.tag("reason", reason.name())
						.register(meters));
		}
		this.settledConfirmed = settle("confirmed");
		this.settledCancelled = settle("cancelled");
	}

	/** Times the placing of an order and counts the orders it created. */
	Placement placing(Supplier<Placement> placing) {
		Timer.Sample sample = Timer.start(this.meters);
		String outcome = "rejected";
		try {
			Placement placement = placing.get();
			outcome = placement.created() ? "created" : "replayed";
			if (placement.created()) {
				this.placed.increment();
			}
			return placement;
		}
		finally {
			sample.stop(this.placement.computeIfAbsent(outcome, (tag) -> Timer.builder("shop.orders.placement")
				.description("Handling of a request to place an order, by outcome (created, replayed, rejected)")
				.tag("outcome", tag)
				.publishPercentileHistogram()
				.register(this.meters)));
		}
	}

	/** Counts a confirmed or cancelled order once the current transaction commits. */
	void settled(Order order) {
		OrderStatus status = order.status();
		CancellationReason reason = order.cancellationReason();
		Duration took = Duration.between(order.createdAt(), order.updatedAt());
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			record(status, reason, took);
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				record(status, reason, took);
			}
		});
	}

	private void record(OrderStatus status, CancellationReason reason, Duration took) {
		if (status == OrderStatus.CONFIRMED) {
			this.confirmed.increment();
			this.settledConfirmed.record(took);
		}
		else if (status == OrderStatus.CANCELLED) {
			this.cancelled.get(reason).increment();
			this.settledCancelled.record(took);
		}
	}

	/**
	 * From placing to CONFIRMED or CANCELLED; a histogram, so p50 and p99 can be read.
	 */
	private Timer settle(String outcome) {
		return Timer.builder("shop.orders.settle")
			.description("Time from placing an order until it is confirmed or cancelled")
			.tag("outcome", outcome)
			.publishPercentileHistogram()
			.minimumExpectedValue(Duration.ofMillis(10))
			.maximumExpectedValue(Duration.ofMinutes(10))
			.register(this.meters);
	}

}
