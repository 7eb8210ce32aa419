package com.shop.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Everything one benchmark measured, as written to report.json.
 *
 * @param startedAt when the benchmark started (UTC)
 * @param machine where it ran
 * @param options what was asked for
 * @param tracingSampling the services' trace sampling probability, as they report it
 * @param kafka the producer baseline, or null when skipped
 * @param postgres the two-row transaction baselines, or empty when skipped
 * @param fresh the first orders of a fresh stack (capacity loop), or null
 * @param capacity the capacity run, or null
 * @param latency the fixed-rate latency runs
 * @param ramp the ramp steps with their verdicts
 * @param maxSustainedRate the highest ramp rate the whole pipeline sustained, or null
 * @param targets the targets and whether they were met
 */
record Report(String startedAt, Machine machine, Settings options, String tracingSampling, KafkaBaseline.Result kafka,
		List<PostgresBaseline.Result> postgres, RunResult fresh, RunResult capacity, List<RunResult> latency,
		List<RampStep> ramp, Integer maxSustainedRate, List<Target> targets) {

	/** The options that shape the figures. */
	record Settings(int clients, long capacityWarmupSeconds, long capacityDurationSeconds, int freshOrders,
			List<Integer> latencyRates, long latencyDurationSeconds, String ramp, long stepDurationSeconds,
			double endToEndP99BoundMs, String mix) {

		static Settings of(BenchOptions options) {
			return new Settings(options.clients(), options.capacityWarmup().toSeconds(),
					options.capacityDuration().toSeconds(), options.freshOrders(), options.latencyRates(),
					options.latencyDuration().toSeconds(), options.ramp().toString(),
					options.stepDuration().toSeconds(), options.endToEndP99Bound().toMillis(),
					"90% tok_visa, 5% tok_chargeDeclined, 5% with an out-of-stock line; 1-4 lines of 1-3 units");
		}

	}

	/** One ramp step. */
	record RampStep(RunResult run, StepVerdict verdict) {
	}

	/**
	 * One target.
	 *
	 * @param target what was asked
	 * @param measured what was measured
	 * @param met whether it holds
	 */
	record Target(String target, String measured, boolean met) {

		static List<Target> of(RunResult fresh, RunResult capacity, List<RunResult> latency) {
			List<Target> targets = new ArrayList<>();
			if (capacity != null) {
				RunSummary run = capacity.summary();
				targets.add(new Target(">= 750 orders/s settled end to end for 60 s, every order settled",
						String.format(Locale.ROOT, "%.0f settled/s over %.0f s, %d not settled", run.settledPerSecond(),
								run.windowSeconds(), run.notSettled()),
						run.settledPerSecond() >= 750 && run.windowSeconds() >= 60 && run.notSettled() == 0));
				targets.add(new Target(
						"<= 2.5 ms CPU per settled order at capacity, everything included", String.format(Locale.ROOT,
								"%.2f ms (%s)", capacity.cpuMsPerOrder(), ProcessCpu.describe(capacity.cpuByProcess())),
						capacity.cpuMsPerOrder() <= 2.5));
				StackCosts.Costs costs = capacity.costs();
				if (costs != null) {
					targets.add(new Target("<= 25 SQL statements and <= 8 transactions per order at capacity",
							String.format(Locale.ROOT, "%.1f statements, %.2f transactions", costs.statementsPerOrder(),
									costs.transactionsPerOrder()),
							costs.problems().isEmpty() && costs.statementsPerOrder() <= 25
									&& costs.transactionsPerOrder() <= 8));
				}
			}
			for (RunResult run : latency) {
				RunSummary summary = run.summary();
				String measured = String.format(Locale.ROOT, "p50 %.1f ms, p99 %.1f ms at %d/s (%d not settled)",
						summary.endToEnd().p50(), summary.endToEnd().p99(), summary.rate(), summary.notSettled());
				boolean settled = summary.notSettled() == 0 && summary.endToEnd().count() > 0;
				if (summary.rate() == 300) {
					targets.add(new Target("at 300 orders/s: placement to final state p50 < 100 ms, p99 < 500 ms",
							measured, settled && summary.endToEnd().p50() < 100 && summary.endToEnd().p99() < 500));
				}
				else if (summary.rate() == 20) {
					targets.add(new Target("at 20 orders/s: placement to final state p50 < 30 ms", measured,
							settled && summary.endToEnd().p50() < 30));
				}
			}
			if (fresh != null && capacity != null) {
				double rate = fresh.summary().settledPerSecond() / capacity.summary().settledPerSecond();
				double cpu = fresh.cpuMsPerOrder() / capacity.cpuMsPerOrder();
				targets.add(new Target("the first orders of a fresh stack within 20 % of the warm figures",
						String.format(Locale.ROOT,
								"%d orders: %.0f settled/s (%.0f %% of warm), %.2f ms CPU per order (%.0f %%)",
								fresh.summary().accepted(), fresh.summary().settledPerSecond(), 100 * rate,
								fresh.cpuMsPerOrder(), 100 * cpu),
						rate >= 0.8 && cpu <= 1.2));
			}
			return targets;
		}

	}

}
