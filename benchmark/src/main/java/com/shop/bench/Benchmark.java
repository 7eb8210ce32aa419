package com.shop.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.shop.bench.BenchOptions.Phase;
import com.shop.bench.BenchOptions.UsageException;

/**
 * {@code ./stack bench}: measures the running local stack. Baselines of the broker and
 * the database first, then a fixed-rate run at the end-to-end target rate, a ramp to the
 * highest rate the pipeline sustains, and a fixed-rate run at the placement target rate
 * (last, since a rate above what the pipeline settles leaves a backlog). Prints the table
 * and writes report.json, report.html and report.md.
 */
public final class Benchmark {

	private static final Duration RAMP_WARMUP = Duration.ofSeconds(5);

	private Benchmark() {
	}

	public static void main(String[] args) throws Exception {
		BenchOptions options;
		try {
			options = BenchOptions.parse(Arrays.asList(args), Path.of(System.getProperty("bench.root", ".")),
					LocalDateTime.now());
		}
		catch (UsageException ex) {
			if (ex.getMessage() != null) {
				System.err.println(ex.getMessage());
			}
			System.err.print(BenchOptions.USAGE);
			System.exit((ex.getMessage() != null) ? 2 : 0);
			return;
		}
		Report report;
		try {
			report = run(options);
		}
		catch (IllegalStateException ex) {
			System.err.println("[bench] " + ex.getMessage());
			System.exit(1);
			return;
		}
		ReportWriter.write(report, options.out());
		System.out.println(ReportWriter.table(report));
		System.out.println(
				"Report: " + options.out().resolve("report.json") + ", chart: " + options.out().resolve("report.html"));
		System.exit(0);
	}

	static Report run(BenchOptions options) throws Exception {
		String startedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
		ExecutorService callbacks = Executors.newFixedThreadPool(2);
		HttpClient http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5))
			.executor(callbacks)
			.build();
		requireUp(http, options.orderUrl(), "order-service");
		requireUp(http, options.inventoryUrl(), "inventory-service");
		KafkaBaseline.Result kafka = null;
		List<PostgresBaseline.Result> postgres = List.of();
		if (options.phases().contains(Phase.BASELINES)) {
			kafka = KafkaBaseline.run(options.root(), options.bootstrap());
			Console.say("  %s", kafka.summary());
			postgres = new PostgresBaseline(options.jdbcUrl(), env("SHOP_DATABASE_USERNAME", "postgres"),
					env("SHOP_DATABASE_PASSWORD", "postgres"))
				.run(Duration.ofSeconds(10), 1, 8);
			postgres.forEach((result) -> Console.say("  %d client(s): %.0f tx/s", result.clients(),
					result.transactionsPerSecond()));
		}
		RunResult endToEnd = null;
		RunResult placement = null;
		List<Report.RampStep> ramp = new ArrayList<>();
		Integer maxSustained = null;
		Integer maxPlacement = null;
		boolean loads = options.phases().contains(Phase.E2E) || options.phases().contains(Phase.PLACEMENT)
				|| options.phases().contains(Phase.RAMP);
		if (loads) {
			try (BenchCatalog catalog = new BenchCatalog(http, options.inventoryUrl(), options.orderUrl());
					OrderFollower follower = new OrderFollower(options.bootstrap(),
							StackLogins.kafka(options.root()))) {
				Console.say("Preparing %d benchmark products", BenchCatalog.PRODUCTS);
				catalog.prepare();
				String runId = Long.toString(System.currentTimeMillis(), 36);
				OrderMix mix = new OrderMix(catalog.skus(), BenchCatalog.OUT_OF_STOCK_SKU, 0.05, 0.05, 42, runId);
				LoadRun load = new LoadRun(http, options.orderUrl(), mix, follower, options.maxOutstanding());
				if (!options.prewarm().isZero()) {
					// services that just started compile their hot paths under the first
					// load; measured then, a ramp would stop at its first step
					say(load.run("pre-warm (not reported)", options.prewarmRate(), Duration.ZERO, options.prewarm(),
							Duration.ofSeconds(30)));
				}
				if (options.phases().contains(Phase.RAMP)) {
					for (int rate : options.ramp().rates()) {
						RunResult step = load.run("ramp", rate, RAMP_WARMUP, options.stepDuration(),
								Duration.ofSeconds(15));
						StepVerdict verdict = StepVerdict.judge(step.summary(), options.placementP99Bound().toMillis());
						say(step);
						Console.say("  %s", verdict.endToEndSustained() ? "sustained"
								: "not sustained: " + String.join("; ", verdict.reasons()));
						ramp.add(new Report.RampStep(step, verdict));
						if (verdict.placementSustained()) {
							maxPlacement = rate;
						}
						if (!verdict.endToEndSustained()) {
							break;
						}
						maxSustained = rate;
					}
					if (!ramp.isEmpty() && !ramp.get(ramp.size() - 1).verdict().endToEndSustained()) {
						Console.say("Letting the pipeline catch up (45 s at most)");
						load.catchUp(Duration.ofSeconds(45));
					}
				}
				if (options.phases().contains(Phase.E2E)) {
					endToEnd = load.run("end to end", options.rate(), options.warmup(), options.duration(),
							Duration.ofSeconds(15));
					say(endToEnd);
					if (options.phases().contains(Phase.PLACEMENT)) {
						Console.say("Letting the pipeline catch up (45 s at most)");
						load.catchUp(Duration.ofSeconds(45));
					}
				}
				if (options.phases().contains(Phase.PLACEMENT)) {
					// settling is not the point here: above what the pipeline settles,
					// the drain would last minutes
					placement = load.run("placement", options.placementRate(), options.warmup(),
							options.placementDuration(), Duration.ofSeconds(5));
					say(placement);
				}
				Console.say("Restocked %d times during the runs", catalog.restocks());
				if (load.openOrders() > 0) {
					Console.say("%d orders of the last run are still open; the pipeline settles them in the background",
							load.openOrders());
				}
			}
		}
		callbacks.shutdownNow();
		return new Report(startedAt, Machine.current(), Report.Settings.of(options), kafka, postgres, endToEnd,
				placement, ramp, maxSustained, maxPlacement,
				Report.Ratios.of(postgres, placement, endToEnd, maxSustained),
				Report.Target.of(placement, endToEnd, maxSustained));
	}

	private static void say(RunResult result) {
		RunSummary run = result.summary();
		Console.say(
				"  %s %d/s: accepted %.0f/s, settled %.0f/s, errors %d, not settled %d, placement p99 %.1f ms, "
						+ "end to end p50 %.1f ms p99 %.1f ms; machine CPU %.0f%% busy, load %s",
				run.name(), run.rate(), run.acceptedPerSecond(), run.settledPerSecond(), run.errors(), run.notSettled(),
				run.placement().p99(), run.endToEnd().p50(), run.endToEnd().p99(), result.machineCpuBusyPercent(),
				result.loadAverage());
		Console.say("  CPU by process: %s", ProcessCpu.describe(result.cpuByProcess()));
	}

	private static void requireUp(HttpClient http, String url, String name) throws InterruptedException {
		try {
			HttpResponse<String> response = http
				.send(HttpRequest.newBuilder(URI.create(url + "/actuator/health/readiness"))
					.timeout(Duration.ofSeconds(5))
					.build(), HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() == 200) {
				return;
			}
			throw new IllegalStateException(name + " at " + url + " is not ready: HTTP " + response.statusCode());
		}
		catch (IOException ex) {
			throw new IllegalStateException(
					name + " does not answer at " + url + "; start the stack first (./stack up in another terminal)",
					ex);
		}
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value != null) ? value : fallback;
	}

}
