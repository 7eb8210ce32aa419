package com.shop.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.HdrHistogram.Histogram;

import com.shop.bench.OrderMix.Kind;

/**
 * Everything one run observes: each placement's answer and each order's settlement on the
 * {@code orders} topic, paired by order id whichever arrives first. Latencies count from
 * the time a placement was due, not from when it was sent, so a stalled system cannot
 * hide its queue (coordinated omission). Orders due during the warm-up are followed but
 * left out of the summary. Thread-safe: HTTP callbacks and the topic follower both report
 * here.
 */
final class RunRecorder {

	static final String CONFIRMED = "CONFIRMED";

	private static final long SECOND = 1_000_000_000L;

	private final String name;

	private final int rate;

	private final long start;

	private long measureFrom;

	private long measureTo;

	private java.util.function.Consumer<UUID> settledListener = (orderId) -> {
	};

	private final Map<UUID, Pending> pending = new HashMap<>();

	private final Map<UUID, Settlement> early = new HashMap<>();

	private final List<Second> seconds = new ArrayList<>();

	private final Histogram placement = Percentiles.histogram();

	private final Histogram e2e = Percentiles.histogram();

	private final Histogram e2eConfirmed = Percentiles.histogram();

	private final Histogram e2eCancelled = Percentiles.histogram();

	private final Map<String, Long> errors = new TreeMap<>();

	private final Map<String, Long> outcomes = new TreeMap<>();

	private final List<String> errorSamples = new ArrayList<>();

	private long offered;

	private long accepted;

	private long settledInWindow;

	private long unexpected;

	RunRecorder(String name, int rate, long start, long measureFrom, long measureTo) {
		this.name = name;
		this.rate = rate;
		this.start = start;
		this.measureFrom = measureFrom;
		this.measureTo = measureTo;
	}

	private record Pending(long due, Kind kind) {
	}

	/** Told of every order of this run once it settled (a closed loop's next step). */
	synchronized void onSettled(java.util.function.Consumer<UUID> listener) {
		this.settledListener = listener;
	}

	/** Ends the measured window now (a run that stops after a number of orders). */
	synchronized void endMeasurement(long now) {
		this.measureTo = now;
	}

	/** Measures from {@code from} to {@code to} (a warm-up that ends when it is warm). */
	synchronized void measure(long from, long to) {
		this.measureFrom = from;
		this.measureTo = to;
	}

	synchronized boolean measuring(long now) {
		return now >= this.measureFrom && now < this.measureTo;
	}

	private record Settlement(String outcome, long received) {
	}

	synchronized void offered(long due) {
		second(due).offered++;
		if (measured(due)) {
			this.offered++;
		}
	}

	synchronized void accepted(UUID orderId, Kind kind, long due, long answered) {
		Second second = second(due);
		second.placement.recordValue(micros(answered - due));
		second(answered).accepted++;
		if (measured(due)) {
			this.accepted++;
			this.placement.recordValue(micros(answered - due));
		}
		Settlement settlement = this.early.remove(orderId);
		if (settlement != null) {
			settle(new Pending(due, kind), settlement);
			this.settledListener.accept(orderId);
		}
		else {
			this.pending.put(orderId, new Pending(due, kind));
		}
	}

	synchronized void failed(String kind, String sample, long due, long answered) {
		second(answered).errors++;
		if (measured(due)) {
			this.errors.merge(kind, 1L, Long::sum);
			if (sample != null && this.errorSamples.size() < 5) {
				this.errorSamples.add(kind + ": " + sample);
			}
		}
	}

	/** An order reached CONFIRMED, or CANCELLED with a reason ("CANCELLED:reason"). */
	synchronized void settled(UUID orderId, String outcome, long received) {
		Settlement settlement = new Settlement(outcome, received);
		Pending order = this.pending.remove(orderId);
		if (order != null) {
			settle(order, settlement);
			this.settledListener.accept(orderId);
		}
		else if (this.measureTo == Long.MAX_VALUE || received < this.measureTo + 60 * SECOND) {
			// the answer to the placement may not have been read yet (a run whose end is
			// not known yet keeps them all: MAX_VALUE + 60 s would overflow)
			this.early.put(orderId, settlement);
		}
	}

	private void settle(Pending order, Settlement settlement) {
		long latency = micros(settlement.received() - order.due());
		Second second = second(order.due());
		second.e2e.recordValue(latency);
		second(settlement.received()).settled++;
		if (settlement.received() >= this.measureFrom && settlement.received() < this.measureTo) {
			this.settledInWindow++;
		}
		if (measured(order.due())) {
			this.e2e.recordValue(latency);
			(settlement.outcome().equals(CONFIRMED) ? this.e2eConfirmed : this.e2eCancelled).recordValue(latency);
			this.outcomes.merge(settlement.outcome(), 1L, Long::sum);
			if (!settlement.outcome().equals(expected(order.kind()))) {
				this.unexpected++;
			}
		}
	}

	static String expected(Kind kind) {
		return switch (kind) {
			case SUCCESS -> CONFIRMED;
			case DECLINED -> "CANCELLED:PAYMENT_DECLINED";
			case OUT_OF_STOCK -> "CANCELLED:OUT_OF_STOCK";
		};
	}

	/** Orders answered 202 in the whole run, warm-up and drain included. */
	synchronized long acceptedInRun() {
		return this.seconds.stream().mapToLong((second) -> second.accepted).sum();
	}

	/** Placed orders whose settlement has not been seen yet (all of this run). */
	synchronized int unsettled() {
		return this.pending.size();
	}

	synchronized RunResult result(double cpuBusyPercent, String loadAverage, List<ProcessCpu.Share> cpuByProcess) {
		return result(System.nanoTime(), cpuBusyPercent, loadAverage, cpuByProcess);
	}

	/**
	 * The figures as of {@code now}. An order still open counts in the end-to-end
	 * percentiles with the time it has waited so far (a lower bound), so that a pipeline
	 * that falls behind cannot look fast by settling only its quickest orders.
	 */
	synchronized RunResult result(long now, double cpuBusyPercent, String loadAverage,
			List<ProcessCpu.Share> cpuByProcess) {
		double window = (this.measureTo - this.measureFrom) / (double) SECOND;
		Histogram e2eWithOpen = this.e2e.copy();
		this.pending.values()
			.stream()
			.filter((order) -> measured(order.due()))
			.forEach((order) -> e2eWithOpen.recordValue(micros(now - order.due())));
		long notSettled = this.pending.values().stream().filter((order) -> measured(order.due())).count();
		long errorCount = this.errors.values().stream().mapToLong(Long::longValue).sum();
		RunSummary summary = new RunSummary(this.name, this.rate, Percentiles.round(window), this.offered,
				this.accepted, errorCount, new TreeMap<>(this.errors), List.copyOf(this.errorSamples),
				Percentiles.round(this.offered / window), Percentiles.round(this.accepted / window),
				Percentiles.round(this.settledInWindow / window), Percentiles.of(this.placement),
				Percentiles.of(e2eWithOpen), Percentiles.of(this.e2eConfirmed), Percentiles.of(this.e2eCancelled),
				new TreeMap<>(this.outcomes), this.unexpected, notSettled, backlogGrowth());
		return new RunResult(summary, series(), cpuBusyPercent, loadAverage, cpuByProcess, null);
	}

	private long backlogGrowth() {
		int from = index(this.measureFrom);
		int to = index(this.measureTo) - 1;
		return backlogAfter(to) - backlogAfter(from - 1);
	}

	private long backlogAfter(int index) {
		long backlog = 0;
		for (int i = 0; i <= index && i < this.seconds.size(); i++) {
			backlog += this.seconds.get(i).accepted - this.seconds.get(i).settled;
		}
		return backlog;
	}

	private List<SecondPoint> series() {
		List<SecondPoint> points = new ArrayList<>();
		long backlog = 0;
		for (int i = 0; i < this.seconds.size(); i++) {
			Second second = this.seconds.get(i);
			backlog += second.accepted - second.settled;
			points.add(new SecondPoint(i, this.start + i * SECOND < this.measureFrom, second.offered, second.accepted,
					second.settled, second.errors, percentile(second.placement, 50), percentile(second.placement, 99),
					percentile(second.e2e, 50), percentile(second.e2e, 99), backlog));
		}
		return points;
	}

	private static Double percentile(Histogram histogram, double percentile) {
		return (histogram.getTotalCount() == 0) ? null
				: Percentiles.round(histogram.getValueAtPercentile(percentile) / 1000.0);
	}

	private boolean measured(long due) {
		return due >= this.measureFrom && due < this.measureTo;
	}

	private Second second(long time) {
		int index = index(time);
		while (this.seconds.size() <= index) {
			this.seconds.add(new Second());
		}
		return this.seconds.get(index);
	}

	private int index(long time) {
		return (int) Math.max(0, (time - this.start) / SECOND);
	}

	private static long micros(long nanos) {
		// the histograms reach an hour; anything longer is an hour for the figures
		return Math.min(Math.max(0, nanos / 1000), 3_600_000_000L);
	}

	/** The counts and latencies of one second of a run. */
	private static final class Second {

		long offered;

		long accepted;

		long settled;

		long errors;

		final Histogram placement = new Histogram(3_600_000_000L, 2);

		final Histogram e2e = new Histogram(3_600_000_000L, 2);

	}

}
