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
 * @param kafka the producer baseline, or null when skipped
 * @param postgres the two-row transaction baselines, or empty when skipped
 * @param endToEnd the fixed-rate run at the end-to-end target rate, or null
 * @param placement the fixed-rate run at the placement target rate, or null
 * @param ramp the ramp steps with their verdicts
 * @param maxSustainedRate the highest ramp rate the whole pipeline sustained, or null
 * @param maxPlacementRate the highest ramp rate placement sustained, or null
 * @param ratios figures relative to the PostgreSQL baseline at 8 clients
 * @param targets the targets and whether they were met
 */
record Report(String startedAt, Machine machine, Settings options, KafkaBaseline.Result kafka,
		List<PostgresBaseline.Result> postgres, RunResult endToEnd, RunResult placement, List<RampStep> ramp,
		Integer maxSustainedRate, Integer maxPlacementRate, Ratios ratios, List<Target> targets) {

	/** The options that shape the figures. */
	record Settings(int rate, long durationSeconds, long warmupSeconds, int placementRate,
			long placementDurationSeconds, String ramp, long stepDurationSeconds, double placementP99BoundMs,
			String mix) {

		static Settings of(BenchOptions options) {
			return new Settings(options.rate(), options.duration().toSeconds(), options.warmup().toSeconds(),
					options.placementRate(), options.placementDuration().toSeconds(), options.ramp().toString(),
					options.stepDuration().toSeconds(), options.placementP99Bound().toMillis(),
					"90% tok_visa, 5% tok_chargeDeclined, 5% with an out-of-stock line; 1-4 lines of 1-3 units");
		}

	}

	/** One ramp step. */
	record RampStep(RunResult run, StepVerdict verdict) {
	}

	/**
	 * Rates relative to the database's own rate of durable two-row transactions (8
	 * clients), which bounds a placement that commits on its own.
	 *
	 * @param postgresTwoRowTxPerSecond the baseline
	 * @param placementAccepted the placement run's accepted orders/s
	 * @param placementFraction placementAccepted / baseline
	 * @param endToEndSettled the end-to-end run's settled orders/s
	 * @param endToEndFraction endToEndSettled / baseline
	 * @param maxSustained the ramp's highest sustained rate
	 * @param maxSustainedFraction maxSustained / baseline
	 */
	record Ratios(double postgresTwoRowTxPerSecond, Double placementAccepted, Double placementFraction,
			Double endToEndSettled, Double endToEndFraction, Integer maxSustained, Double maxSustainedFraction) {

		static Ratios of(List<PostgresBaseline.Result> postgres, RunResult placement, RunResult endToEnd,
				Integer maxSustained) {
			double baseline = postgres.stream()
				.filter((result) -> result.clients() == 8)
				.mapToDouble(PostgresBaseline.Result::transactionsPerSecond)
				.findFirst()
				.orElse(0);
			Double placed = (placement != null) ? placement.summary().acceptedPerSecond() : null;
			Double settled = (endToEnd != null) ? endToEnd.summary().settledPerSecond() : null;
			return new Ratios(baseline, placed, fraction(placed, baseline), settled, fraction(settled, baseline),
					maxSustained, fraction((maxSustained != null) ? maxSustained.doubleValue() : null, baseline));
		}

		private static Double fraction(Double value, double baseline) {
			return (value == null || baseline <= 0) ? null : Math.round(value / baseline * 1000.0) / 1000.0;
		}

	}

	/**
	 * One of the targets.
	 *
	 * @param target what was asked
	 * @param measured what was measured
	 * @param met whether it holds
	 */
	record Target(String target, String measured, boolean met) {

		static List<Target> of(RunResult placement, RunResult endToEnd, Integer maxSustained) {
			List<Target> targets = new ArrayList<>();
			if (placement != null) {
				RunSummary run = placement.summary();
				targets.add(new Target(
						"placement sustained at >= 2000 orders/s", String.format(Locale.ROOT,
								"%.0f accepted/s of %d offered/s", run.acceptedPerSecond(), run.rate()),
						run.rate() >= 2000 && run.acceptedPerSecond() >= 0.95 * 2000));
				targets.add(new Target("placement p99 < 50 ms at that rate",
						String.format(Locale.ROOT, "%.1f ms (%d accepted, %d failed)", run.placement().p99(),
								run.accepted(), run.errors()),
						run.placement().count() > 0 && run.accepted() >= 0.95 * run.offered()
								&& run.placement().p99() < 50));
			}
			if (endToEnd != null) {
				RunSummary run = endToEnd.summary();
				Percentiles confirmed = run.endToEndConfirmed();
				String open = (run.notSettled() > 0) ? String.format(Locale.ROOT,
						"; %d of %d orders never settled (all orders incl. open: p50 >= %.0f ms)", run.notSettled(),
						run.accepted(), run.endToEnd().p50()) : "";
				boolean settled = run.rate() >= 500 && confirmed.count() > 0 && run.notSettled() == 0;
				targets.add(new Target("at 500 orders/s, placement to CONFIRMED p50 < 50 ms",
						String.format(Locale.ROOT, "%.1f ms at %d/s%s", confirmed.p50(), run.rate(), open),
						settled && confirmed.p50() < 50));
				targets.add(new Target("at 500 orders/s, placement to CONFIRMED p99 < 250 ms",
						String.format(Locale.ROOT, "%.1f ms at %d/s%s", confirmed.p99(), run.rate(), open),
						settled && confirmed.p99() < 250));
			}
			targets.add(new Target("maximum end-to-end rate reported",
					(maxSustained != null) ? maxSustained + " orders/s" : "not found (no ramp step held)",
					maxSustained != null));
			return targets;
		}

	}

}
