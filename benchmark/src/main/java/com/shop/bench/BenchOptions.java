package com.shop.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The command line of {@code ./stack bench}: what to run, at which rates, for how long,
 * and where the stack listens.
 *
 * @param rate the fixed rate of the end-to-end run (orders/s)
 * @param duration how long each fixed-rate run measures
 * @param warmup how long each fixed-rate run places orders before measuring
 * @param placementRate the rate of the placement run
 * @param placementDuration how long the placement run measures
 * @param ramp the rates the ramp steps through
 * @param stepDuration how long each ramp step measures (after a short warm-up)
 * @param placementP99Bound the placement p99 a sustainable rate must stay under
 * @param phases what to run
 * @param out where report.json and report.html go
 * @param orderUrl order-service's base URL
 * @param inventoryUrl inventory-service's base URL
 * @param bootstrap the Kafka bootstrap servers
 * @param jdbcUrl the PostgreSQL server, without a database
 * @param maxOutstanding the safety cap on requests in flight
 * @param root the project directory (for the launcher's classpath)
 * @param prewarm how long to place orders, unmeasured, before the first measured run
 * @param prewarmRate the rate of that
 */
record BenchOptions(int rate, Duration duration, Duration warmup, int placementRate, Duration placementDuration,
		Ramp ramp, Duration stepDuration, Duration placementP99Bound, Set<Phase> phases, Path out, String orderUrl,
		String inventoryUrl, String bootstrap, String jdbcUrl, int maxOutstanding, Path root, Duration prewarm,
		int prewarmRate) {

	/** The parts of a benchmark. */
	enum Phase {

		BASELINES, E2E, PLACEMENT, RAMP

	}

	/**
	 * Rates from {@code start} up to {@code end}: adding {@code step} each time, or
	 * multiplying by {@code factor} when it is above 1 (written {@code xFACTOR}).
	 */
	record Ramp(int start, int end, int step, double factor) {

		Ramp {
			if (start <= 0 || end < start || (step <= 0 && factor <= 1)) {
				throw new IllegalArgumentException(
						"a ramp is START:END:STEP or START:END:xFACTOR with 0 < START <= END, STEP > 0, FACTOR > 1");
			}
		}

		static Ramp parse(String text) {
			String[] parts = text.split(":");
			if (parts.length != 3) {
				throw new IllegalArgumentException("a ramp is START:END:STEP or START:END:xFACTOR, e.g. 50:4000:x1.5");
			}
			int start = Integer.parseInt(parts[0].trim());
			int end = Integer.parseInt(parts[1].trim());
			String step = parts[2].trim();
			if (step.startsWith("x")) {
				return new Ramp(start, end, 0, Double.parseDouble(step.substring(1)));
			}
			return new Ramp(start, end, Integer.parseInt(step), 0);
		}

		List<Integer> rates() {
			List<Integer> rates = new ArrayList<>();
			double rate = this.start;
			while (Math.round(rate) <= this.end) {
				rates.add((int) Math.round(rate));
				rate = (this.factor > 1) ? rate * this.factor : rate + this.step;
			}
			return rates;
		}

		@Override
		public String toString() {
			return this.start + ":" + this.end + ":" + ((this.factor > 1) ? "x" + this.factor : this.step);
		}

	}

	static final String USAGE = """
			Usage: ./stack bench [OPTIONS]    (the stack must be running: ./stack up in another terminal)
			  --rate N              end-to-end run at N orders/s (default 500)
			  --duration D          measured time of each fixed-rate run (default 60s)
			  --warmup D            warm-up before each fixed-rate run (default 15s)
			  --prewarm D           unmeasured orders before the first measured run, so that the
			                        services' JIT has compiled the hot paths (default 300s; 0s skips)
			  --prewarm-rate N      rate of those (default 15)
			  --placement-rate N    placement run at N orders/s (default 2000; 0 skips it)
			  --placement-duration D  (default 30s)
			  --ramp S:E:STEP       ramp rates to find the maximum sustainable rate; STEP is added, or
			                        xF multiplies (default 10:4000:x1.5: 10, 15, 23, 34, 51, ...)
			  --step-duration D     measured time of each ramp step (default 10s)
			  --p99-bound D         placement p99 a sustainable rate stays under (default 100ms)
			  --only P,...          run only these phases: baselines, e2e, placement, ramp
			  --out DIR             where report.json and report.html go
			                        (default bench-results/<timestamp>)
			  --order-url, --inventory-url, --bootstrap-server, --jdbc-url
			                        (defaults http://localhost:8080, http://localhost:8081,
			                        localhost:9092, jdbc:postgresql://localhost:15432)
			  --max-outstanding N   requests in flight before the generator counts itself saturated
			                        (default 4096)
			Durations: 60s, 2m, 500ms. Admin calls send basic auth when SHOP_ADMIN_USER and
			SHOP_ADMIN_PASSWORD are set.
			""";

	static BenchOptions parse(List<String> args, Path root, LocalDateTime now) {
		int rate = 500;
		Duration duration = Duration.ofSeconds(60);
		Duration warmup = Duration.ofSeconds(15);
		int placementRate = 2000;
		Duration placementDuration = Duration.ofSeconds(30);
		Ramp ramp = new Ramp(10, 4000, 0, 1.5);
		Duration stepDuration = Duration.ofSeconds(10);
		Duration bound = Duration.ofMillis(100);
		Set<Phase> phases = EnumSet.allOf(Phase.class);
		Path out = null;
		String orderUrl = "http://localhost:8080";
		String inventoryUrl = "http://localhost:8081";
		String bootstrap = "localhost:9092";
		String jdbcUrl = "jdbc:postgresql://localhost:15432";
		int maxOutstanding = 4096;
		// on two cores the four services' JIT compilers need minutes before the hot paths
		// run compiled; figures taken earlier measure the compiler
		Duration prewarm = Duration.ofSeconds(300);
		int prewarmRate = 15;
		for (int i = 0; i < args.size(); i++) {
			String option = args.get(i);
			if (option.equals("-h") || option.equals("--help")) {
				throw new UsageException(null);
			}
			if (i + 1 >= args.size()) {
				throw new UsageException(option + " needs a value");
			}
			String value = args.get(++i);
			try {
				switch (option) {
					case "--rate" -> rate = positive(option, Integer.parseInt(value));
					case "--duration" -> duration = duration(value);
					case "--warmup" -> warmup = duration(value);
					case "--placement-rate" -> placementRate = Integer.parseInt(value);
					case "--placement-duration" -> placementDuration = duration(value);
					case "--ramp" -> ramp = Ramp.parse(value);
					case "--step-duration" -> stepDuration = duration(value);
					case "--p99-bound" -> bound = duration(value);
					case "--only" -> phases = phases(value);
					case "--out" -> out = Path.of(value);
					case "--order-url" -> orderUrl = value;
					case "--inventory-url" -> inventoryUrl = value;
					case "--bootstrap-server" -> bootstrap = value;
					case "--jdbc-url" -> jdbcUrl = value;
					case "--max-outstanding" -> maxOutstanding = positive(option, Integer.parseInt(value));
					case "--prewarm" -> prewarm = duration(value);
					case "--prewarm-rate" -> prewarmRate = positive(option, Integer.parseInt(value));
					default -> throw new UsageException("unknown option " + option);
				}
			}
			catch (IllegalArgumentException ex) {
				if (ex instanceof UsageException usage) {
					throw usage;
				}
				throw new UsageException(option + " " + value + ": " + ex.getMessage());
			}
		}
		if (placementRate <= 0) {
			phases.remove(Phase.PLACEMENT);
		}
		if (out == null) {
			out = root.resolve("bench-results").resolve(now.format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
		}
		return new BenchOptions(rate, duration, warmup, placementRate, placementDuration, ramp, stepDuration, bound,
				phases, out, orderUrl, inventoryUrl, bootstrap, jdbcUrl, maxOutstanding, root, prewarm, prewarmRate);
	}

	static Duration duration(String text) {
		String value = text.trim().toLowerCase(Locale.ROOT);
		if (value.endsWith("ms")) {
			return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
		}
		if (value.endsWith("s")) {
			return Duration.ofSeconds(Long.parseLong(value.substring(0, value.length() - 1)));
		}
		if (value.endsWith("m")) {
			return Duration.ofMinutes(Long.parseLong(value.substring(0, value.length() - 1)));
		}
		return Duration.ofSeconds(Long.parseLong(value));
	}

	private static Set<Phase> phases(String text) {
		Set<Phase> phases = EnumSet.noneOf(Phase.class);
		for (String name : text.split(",")) {
			phases.add(Phase.valueOf(name.trim().toUpperCase(Locale.ROOT)));
		}
		return phases;
	}

	private static int positive(String option, int value) {
		if (value <= 0) {
			throw new UsageException(option + " must be positive");
		}
		return value;
	}

	/** A command line that cannot be run; a null message asks for the usage only. */
	static final class UsageException extends IllegalArgumentException {

		UsageException(String message) {
			super(message);
		}

	}

}
