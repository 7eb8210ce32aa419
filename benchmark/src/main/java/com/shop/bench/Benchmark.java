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
import java.util.concurrent.atomic.AtomicLong;

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

	private static final Duration DRAIN = Duration.ofSeconds(30);

	/** A stack that has taken fewer orders than this counts as fresh. */
	private static final long FRESH_STACK = 1000;

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
		String user = env("SHOP_DATABASE_USERNAME", "postgres");
		String password = env("SHOP_DATABASE_PASSWORD", "postgres");
		StackCosts costs = new StackCosts(options.jdbcUrl(), user, password, http, options.services());
		String sampling = tracingSampling(http, options.orderUrl());
		long ordersBefore = ordersPlaced(options.jdbcUrl(), user, password);
		KafkaBaseline.Result kafka = null;
		List<PostgresBaseline.Result> postgres = List.of();
		if (options.phases().contains(Phase.BASELINES)) {
			kafka = KafkaBaseline.run(options.root(), options.bootstrap());
			Console.say("  %s", kafka.summary());
			postgres = new PostgresBaseline(options.jdbcUrl(), user, password).run(Duration.ofSeconds(10), 1, 8);
			postgres.forEach((result) -> Console.say("  %d client(s): %.0f tx/s", result.clients(),
					result.transactionsPerSecond()));
		}
		RunResult fresh = null;
		RunResult capacity = null;
		List<RunResult> latency = new ArrayList<>();
		List<Report.RampStep> ramp = new ArrayList<>();
		Integer maxSustained = null;
		boolean freshAsked = options.phases().equals(java.util.EnumSet.of(Phase.FRESH));
		boolean runFresh = options.phases().contains(Phase.FRESH) && (freshAsked || ordersBefore < FRESH_STACK);
		if (options.phases().contains(Phase.FRESH) && !runFresh) {
			Console.say("Not a fresh stack (%d orders so far): the fresh-stack run is skipped (rm -rf .stack and"
					+ " start again to measure it)", ordersBefore);
		}
		boolean loads = runFresh || options.phases().contains(Phase.CAPACITY)
				|| options.phases().contains(Phase.LATENCY) || options.phases().contains(Phase.RAMP);
		if (loads) {
			try (BenchCatalog catalog = new BenchCatalog(http, options.inventoryUrl(), options.orderUrl());
					OrderFollower follower = new OrderFollower(options.bootstrap(), StackLogins.kafka(options.root()));
					HttpPlacer placer = new HttpPlacer(options.orderUrl(),
							Math.max(options.clients(), options.maxOutstanding()))) {
				Console.say("Preparing %d benchmark products", BenchCatalog.PRODUCTS);
				catalog.prepare();
				String runId = Long.toString(System.currentTimeMillis(), 36);
				OrderMix mix = new OrderMix(catalog.skus(), BenchCatalog.OUT_OF_STOCK_SKU, 0.05, 0.05, 42, runId);
				AtomicLong sequence = new AtomicLong();
				ClosedLoop closed = new ClosedLoop(placer, mix, follower, sequence);
				LoadRun load = new LoadRun(placer, mix, follower, options.maxOutstanding(), sequence);
				if (runFresh) {
					fresh = closed.run("fresh stack", options.clients(), Duration.ZERO, Duration.ZERO,
							options.freshOrders(), DRAIN, costs);
					say(fresh);
				}
				if (options.phases().contains(Phase.CAPACITY)) {
					capacity = closed.run("capacity", options.clients(), options.capacityWarmup(),
							options.capacityWarmupMax(), options.capacityDuration(), 0, DRAIN, costs);
					say(capacity);
				}
				if (options.phases().contains(Phase.LATENCY)) {
					for (int rate : options.latencyRates()) {
						RunResult run = load.run("latency", rate, options.latencyWarmup(), options.latencyDuration(),
								DRAIN, costs);
						say(run);
						latency.add(run);
						load.catchUp(Duration.ofSeconds(45));
					}
				}
				if (options.phases().contains(Phase.RAMP)) {
					for (int rate : options.ramp().rates()) {
						RunResult step = load.run("ramp", rate, RAMP_WARMUP, options.stepDuration(),
								Duration.ofSeconds(15), costs);
						StepVerdict verdict = StepVerdict.judge(step.summary(), options.endToEndP99Bound().toMillis());
						say(step);
						Console.say("  %s", verdict.endToEndSustained() ? "sustained"
								: "not sustained: " + String.join("; ", verdict.reasons()));
						ramp.add(new Report.RampStep(step, verdict));
						if (!verdict.endToEndSustained()) {
							break;
						}
						maxSustained = rate;
					}
					Console.say("Letting the pipeline catch up (45 s at most)");
					load.catchUp(Duration.ofSeconds(45));
				}
				Console.say("Restocked %d times during the runs", catalog.restocks());
				if (load.openOrders() > 0) {
					Console.say("%d orders of the last run are still open; the pipeline settles them in the background",
							load.openOrders());
				}
			}
		}
		callbacks.shutdownNow();
		return new Report(startedAt, Machine.current(), Report.Settings.of(options), sampling, kafka, postgres, fresh,
				capacity, latency, ramp, maxSustained, Report.Target.of(fresh, capacity, latency));
	}

	/** The services' trace sampling probability, from order-service's info endpoint. */
	private static String tracingSampling(HttpClient http, String orderUrl) throws InterruptedException {
		try {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(orderUrl + "/actuator/info"))
				.timeout(Duration.ofSeconds(5));
			String authorization = StackLogins.httpAuthorization();
			if (authorization != null) {
				request.header("Authorization", authorization);
			}
			HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			String value = com.shop.events.EventJson.mapper()
				.readTree(response.body())
				.path("tracing")
				.path("sampling-probability")
				.asString("");
			return value.isEmpty() ? "unknown (not in /actuator/info)" : value;
		}
		catch (IOException | RuntimeException ex) {
			return "unknown (" + ex.getMessage() + ")";
		}
	}

	/** How many orders the stack has taken so far (to tell a fresh stack). */
	private static long ordersPlaced(String jdbcUrl, String user, String password) {
		try (java.sql.Connection connection = java.sql.DriverManager.getConnection(jdbcUrl + "/order_service", user,
				password);
				java.sql.ResultSet rs = connection.createStatement().executeQuery("select count(*) from orders")) {
			rs.next();
			return rs.getLong(1);
		}
		catch (java.sql.SQLException ex) {
			Console.say("Cannot count the orders so far (%s): treating the stack as not fresh", ex.getMessage());
			return Long.MAX_VALUE;
		}
	}

	private static void say(RunResult result) {
		RunSummary run = result.summary();
		Console.say(
				"  %s%s: accepted %.0f/s, settled %.0f/s, errors %d, not settled %d, placement p50 %.1f p99 %.1f ms, "
						+ "end to end p50 %.1f ms p99 %.1f ms; machine CPU %.0f%% busy, load %s",
				run.name(), (run.rate() > 0) ? " " + run.rate() + "/s" : "", run.acceptedPerSecond(),
				run.settledPerSecond(), run.errors(), run.notSettled(), run.placement().p50(), run.placement().p99(),
				run.endToEnd().p50(), run.endToEnd().p99(), result.machineCpuBusyPercent(), result.loadAverage());
		Console.say("  CPU by process: %.2f ms per order: %s", result.cpuMsPerOrder(),
				ProcessCpu.describe(result.cpuByProcess()));
		if (result.costs() != null) {
			Console.say("  %s", result.costs().describe());
		}
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
