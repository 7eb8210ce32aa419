package com.shop.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import com.shop.bench.OrderMix.PlannedOrder;

/**
 * A capacity run: {@code clients} customers, each placing an order, waiting until it is
 * CONFIRMED or CANCELLED, and placing the next at once. The backlog can never exceed the
 * number of clients, so what the run settles per second is what the pipeline can do, and
 * every order is followed to its end. A placement that fails is retried by its client
 * after a short pause (as a real client would, honouring Retry-After up to a second); an
 * order not settled within {@link #GIVE_UP} is left (and reported as not settled) so its
 * client goes on. CPU, statements, transactions and produce requests are those of the
 * measured window, per order settled in it.
 */
final class ClosedLoop {

	private static final long SECOND = 1_000_000_000L;

	private static final Duration GIVE_UP = Duration.ofSeconds(30);

	private final HttpPlacer placer;

	private final OrderMix mix;

	private final OrderFollower follower;

	private final AtomicLong sequence;

	ClosedLoop(HttpPlacer placer, OrderMix mix, OrderFollower follower, AtomicLong sequence) {
		this.placer = placer;
		this.mix = mix;
		this.follower = follower;
		this.sequence = sequence;
	}

	/**
	 * Runs for the warm-up and the measured window, or, when {@code orders} is positive,
	 * measures from the start until that many orders were accepted; then waits up to
	 * {@code drain} for the orders still open.
	 */
	RunResult run(String name, int clients, Duration warmup, Duration measured, long orders, Duration drain,
			StackCosts costs) {
		return run(name, clients, warmup, warmup, measured, orders, drain, costs);
	}

	/**
	 * Runs as above, but the warm-up lasts from {@code warmup} until the settled rate
	 * stops rising (the last 30 s no more than 3 % above the 30 s before) or
	 * {@code maxWarmup} is reached: services whose JIT compiles for minutes are measured
	 * once compiled.
	 */
	RunResult run(String name, int clients, Duration warmup, Duration maxWarmup, Duration measured, long orders,
			Duration drain, StackCosts costs) {
		long start = System.nanoTime();
		long measureFrom = (warmup.equals(maxWarmup)) ? start + warmup.toNanos() : Long.MAX_VALUE;
		long measureTo = (orders > 0 || measureFrom == Long.MAX_VALUE) ? Long.MAX_VALUE
				: measureFrom + measured.toNanos();
		RunRecorder recorder = new RunRecorder(name, 0, start, measureFrom, measureTo);
		Loop loop = new Loop(recorder, orders);
		recorder.onSettled(loop::settled);
		Snapshot from = warmup.isZero() ? Snapshot.now(costs, 0) : null;
		this.follower.follow(recorder);
		Console.say("%s: %d clients, each placing an order and waiting for it to settle, %s (+%s warm-up)", name,
				clients, (orders > 0) ? orders + " orders" : measured.toSeconds() + " s",
				warmup.equals(maxWarmup) ? warmup.toSeconds() + " s"
						: warmup.toSeconds() + "-" + maxWarmup.toSeconds() + " s, until the rate stops rising");
		for (int i = 0; i < clients; i++) {
			loop.next();
		}
		long lastReport = start;
		long windowStart = start;
		long windowSettled = 0;
		List<Double> rates = new ArrayList<>();
		while (!loop.done()) {
			LockSupport.parkNanos(SECOND / 20);
			long now = System.nanoTime();
			loop.giveUpOlderThan(now - GIVE_UP.toNanos());
			if (measureFrom == Long.MAX_VALUE && now - windowStart >= 10 * SECOND) {
				rates.add((loop.settled.get() - windowSettled) * (double) SECOND / (now - windowStart));
				windowStart = now;
				windowSettled = loop.settled.get();
				// steady once the rate has stopped rising: the last half minute no more
				// than 3 % above the half minute before (a JIT that is still compiling
				// raises it step by step; one 10 s window is too noisy to tell)
				double rate = mean(rates, rates.size() - 3);
				double before = mean(rates, rates.size() - 6);
				boolean steady = before > 0 && rate <= before * 1.03;
				if (now - start >= warmup.toNanos() && (steady || now - start >= maxWarmup.toNanos())) {
					measureFrom = now;
					measureTo = now + measured.toNanos();
					recorder.measure(measureFrom, measureTo);
					Console.say(
							"  %s after %d s (%.0f settled/s over the last 30 s, %.0f/s the 30 s before): measuring %d s",
							steady ? "steady" : "warm-up ends", (now - start) / SECOND, rate, before,
							measured.toSeconds());
				}
			}
			if (from == null && now >= measureFrom) {
				from = Snapshot.now(costs, loop.settled.get());
			}
			if (orders <= 0 && now >= measureTo) {
				loop.stop();
			}
			if (now - lastReport >= 10 * SECOND) {
				lastReport = now;
				Console.say("  %3d s: %d accepted, %d settled, %d open", (now - start) / SECOND, loop.accepted.get(),
						loop.settled.get(), loop.waiting.size());
			}
		}
		Snapshot to = Snapshot.now(costs, loop.settled.get());
		long settled = to.settled() - from.settled();
		long drainUntil = System.nanoTime() + drain.toNanos();
		while (System.nanoTime() < drainUntil && (loop.inFlight.get() > 0 || !loop.waiting.isEmpty())) {
			LockSupport.parkNanos(SECOND / 20);
		}
		return recorder
			.result(to.cpu().busyPercentSince(from.cpu()), CpuUsage.loadAverage(),
					to.processes().since(from.processes(), settled))
			.withCosts(StackCosts.between(from.costs(), to.costs(), settled));
	}

	/** The mean of three 10 s rates from {@code from}; NaN before there are enough. */
	private static double mean(List<Double> rates, int from) {
		if (from < 0) {
			return Double.NaN;
		}
		return (rates.get(from) + rates.get(from + 1) + rates.get(from + 2)) / 3;
	}

	/**
	 * The machine's and the stack's counters when the measured window starts or ends:
	 * what a run costs per order is what the window cost, divided by the orders it
	 * settled (the warm-up, with its compiling JITs, and the drain count for nothing).
	 */
	private record Snapshot(CpuUsage cpu, ProcessCpu processes, StackCosts.Reading costs, long settled) {

		static Snapshot now(StackCosts costs, long settled) {
			return new Snapshot(CpuUsage.now(), ProcessCpu.now(), costs.read(), settled);
		}

	}

	/** The clients of one run. */
	private final class Loop {

		private final RunRecorder recorder;

		private final long orders;

		private final Map<UUID, Long> waiting = new ConcurrentHashMap<>();

		private final AtomicLong accepted = new AtomicLong();

		private final AtomicLong settled = new AtomicLong();

		private final AtomicInteger inFlight = new AtomicInteger();

		private final ScheduledExecutorService pauses = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "bench-client-pause");
			thread.setDaemon(true);
			return thread;
		});

		private volatile boolean stopped;

		Loop(RunRecorder recorder, long orders) {
			this.recorder = recorder;
			this.orders = orders;
		}

		boolean done() {
			return this.stopped;
		}

		void stop() {
			if (!this.stopped) {
				this.stopped = true;
				this.recorder.endMeasurement(System.nanoTime());
				this.pauses.shutdownNow();
			}
		}

		/** A client places its next order. */
		void next() {
			if (this.stopped) {
				return;
			}
			PlannedOrder order = ClosedLoop.this.mix.next(ClosedLoop.this.sequence.getAndIncrement());
			long sent = System.nanoTime();
			this.recorder.offered(sent);
			this.inFlight.incrementAndGet();
			ClosedLoop.this.placer.place(order, new HttpPlacer.Answer() {

				@Override
				public void accepted(UUID orderId, long answered) {
					Loop.this.inFlight.decrementAndGet();
					long count = Loop.this.accepted.incrementAndGet();
					if (Loop.this.orders > 0 && count >= Loop.this.orders) {
						stop();
					}
					Loop.this.waiting.put(orderId, sent);
					Loop.this.recorder.accepted(orderId, order.kind(), sent, answered);
				}

				@Override
				public void failed(String kind, String detail, long answered) {
					Loop.this.inFlight.decrementAndGet();
					Loop.this.recorder.failed(kind, detail, sent, answered);
					pause(kind.equals("HTTP 503") || kind.equals("HTTP 429") ? 500 : 100);
				}

			});
		}

		/** The recorder saw the order settle: its client goes on. */
		void settled(UUID orderId) {
			if (this.waiting.remove(orderId) != null) {
				this.settled.incrementAndGet();
				next();
			}
		}

		void giveUpOlderThan(long cutoff) {
			this.waiting.forEach((orderId, sent) -> {
				if (sent < cutoff && this.waiting.remove(orderId) != null) {
					next();
				}
			});
		}

		private void pause(long millis) {
			try {
				this.pauses.schedule(this::next, millis, TimeUnit.MILLISECONDS);
			}
			catch (java.util.concurrent.RejectedExecutionException ex) {
				// stopped meanwhile
			}
		}

	}

}
