package com.shop.bench;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import com.shop.bench.OrderMix.PlannedOrder;

/**
 * One open-loop run: placements are due at fixed intervals and are sent when due,
 * whatever happened to earlier ones; a slow answer delays nothing else. Only a safety cap
 * on requests in flight exists, and a placement it stops counts as an error ("generator
 * saturated").
 */
final class LoadRun {

	private static final long SECOND = 1_000_000_000L;

	private final HttpPlacer placer;

	private final OrderMix mix;

	private final OrderFollower follower;

	private final Semaphore inFlight;

	private final int maxOutstanding;

	private final AtomicLong sequence;

	private RunRecorder last;

	LoadRun(HttpPlacer placer, OrderMix mix, OrderFollower follower, int maxOutstanding, AtomicLong sequence) {
		this.placer = placer;
		this.mix = mix;
		this.follower = follower;
		this.maxOutstanding = maxOutstanding;
		this.inFlight = new Semaphore(maxOutstanding);
		this.sequence = sequence;
	}

	/**
	 * Places orders at {@code rate}/s for the warm-up and the measured window, then waits
	 * up to {@code drain} for the answers and settlements still outstanding.
	 */
	RunResult run(String name, int rate, Duration warmup, Duration measured, Duration drain, StackCosts costs) {
		long start = System.nanoTime() + SECOND / 10;
		long measureFrom = start + warmup.toNanos();
		long measureTo = measureFrom + measured.toNanos();
		RunRecorder recorder = new RunRecorder(name, rate, start, measureFrom, measureTo);
		CpuUsage cpu = CpuUsage.now();
		ProcessCpu processes = ProcessCpu.now();
		StackCosts.Reading before = costs.read();
		this.follower.follow(recorder);
		Console.say("%s: %d orders/s for %d s (+%d s warm-up)", name, rate, measured.toSeconds(), warmup.toSeconds());
		long lastReport = start;
		for (long i = 0;; i++) {
			long due = start + i * SECOND / rate;
			if (due >= measureTo) {
				break;
			}
			long now;
			while ((now = System.nanoTime()) < due) {
				LockSupport.parkNanos(due - now);
			}
			// one sequence across runs: every placement gets its own idempotency key
			place(recorder, this.mix.next(this.sequence.getAndIncrement()), due);
			if (now - lastReport >= 10 * SECOND) {
				lastReport = now;
				Console.say("  %3d s: %d placed, %d in flight, %d not settled yet", (now - start) / SECOND, i,
						this.maxOutstanding - this.inFlight.availablePermits(), recorder.unsettled());
			}
		}
		long drainUntil = System.nanoTime() + drain.toNanos();
		while (System.nanoTime() < drainUntil
				&& (this.inFlight.availablePermits() < this.maxOutstanding || recorder.unsettled() > 0)) {
			LockSupport.parkNanos(SECOND / 20);
		}
		// the recorder keeps following the orders still open, for catchUp
		this.last = recorder;
		long accepted = recorder.acceptedInRun();
		return recorder
			.result(CpuUsage.now().busyPercentSince(cpu), CpuUsage.loadAverage(),
					ProcessCpu.now().since(processes, accepted))
			.withCosts(StackCosts.between(before, costs.read(), accepted));
	}

	/** Orders of the last run not seen settling yet. */
	int openOrders() {
		return (this.last != null) ? this.last.unsettled() : 0;
	}

	/** Waits up to {@code timeout} until the last run's orders have all settled. */
	void catchUp(Duration timeout) {
		long until = System.nanoTime() + timeout.toNanos();
		while (this.last != null && this.last.unsettled() > 0 && System.nanoTime() < until) {
			LockSupport.parkNanos(SECOND / 10);
		}
		if (this.last != null && this.last.unsettled() > 0) {
			Console.say("  %d orders still open after %d s", this.last.unsettled(), timeout.toSeconds());
		}
	}

	private void place(RunRecorder recorder, PlannedOrder order, long due) {
		recorder.offered(due);
		if (!this.inFlight.tryAcquire()) {
			recorder.failed("generator saturated", null, due, System.nanoTime());
			return;
		}
		this.placer.place(order, new HttpPlacer.Answer() {

			@Override
			public void accepted(UUID orderId, long answered) {
				LoadRun.this.inFlight.release();
				recorder.accepted(orderId, order.kind(), due, answered);
			}

			@Override
			public void failed(String kind, String detail, long answered) {
				LoadRun.this.inFlight.release();
				recorder.failed(kind, detail, due, answered);
			}

		});
	}

}
