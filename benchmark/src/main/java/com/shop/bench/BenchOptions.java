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
 * The command line of {@code ./stack bench}: what to run, for how long, and where the
 * stack listens.
 *
 * @param clients concurrent customers of the capacity runs
 * @param capacityWarmup how long the capacity run places orders before measuring, at
 * least
 * @param capacityWarmupMax at most: the warm-up ends earlier once the settled rate stops
 * rising
 * @param capacityDuration how long the capacity run measures
 * @param freshOrders how many orders the fresh-stack run measures
 * @param latencyRates the fixed rates of the latency runs (orders/s)
 * @param latencyWarmup warm-up before each latency run
 * @param latencyDuration how long each latency run measures
 * @param ramp the rates the ramp steps through
 * @param stepDuration how long each ramp step measures (after a short warm-up)
 * @param endToEndP99Bound the placement-to-final-state p99 a sustainable rate stays under
 * @param phases what to run
 * @param out where the reports go
 * @param orderUrl order-service's base URL
 * @param inventoryUrl inventory-service's base URL
 * @param paymentUrl payment-service's base URL
 * @param notificationUrl notification-service's base URL
 * @param bootstrap the Kafka bootstrap servers
 * @param jdbcUrl the PostgreSQL server, without a database
 * @param maxOutstanding the open-loop safety cap on requests in flight
 * @param root the project directory (for the launcher's classpath)
 */
record BenchOptions(int clients, Duration capacityWarmup, Duration capacityWarmupMax, Duration capacityDuration,
		int freshOrders, List<Integer> latencyRates, Duration latencyWarmup, Duration latencyDuration, Ramp ramp,
		Duration stepDuration, Duration endToEndP99Bound, Set<Phase> phases, Path out, String orderUrl,
		String inventoryUrl, String paymentUrl, String notificationUrl, String bootstrap, String jdbcUrl,
		int maxOutstanding, Path root) {

	/** The parts of a benchmark. */
	enum Phase {

		/** Kafka's and PostgreSQL's own rates on this machine. */
		BASELINES,
		/**
		 * The first orders of a stack that has taken almost none yet (run when it has).
		 */
		FRESH,
		/** A closed loop of many clients: the highest rate the pipeline settles. */
		CAPACITY,
		/** Fixed rates, open loop: latency from placement to final state. */
		LATENCY,
		/**
		 * Rising fixed rates to the highest one sustained with end-to-end p99 under the
		 * bound.
		 */
		RAMP

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
			  --clients N           concurrent customers of the capacity runs; each places an order,
			                        waits until it settles and places the next (default 64)
			  --capacity-warmup D   unmeasured time of the capacity run first, at least (default 60s)
			  --capacity-warmup-max D  at most: the warm-up ends when the settled rate stops rising
			                        (the last 30 s within 3 % of the 30 s before), so a
			                        full JIT is measured once it has compiled (default 300s)
			  --capacity-duration D measured time of the capacity run (default 60s)
			  --fresh-orders N      orders the fresh-stack run measures (default 10000); it runs when
			                        the stack has taken fewer than 1000 orders, or with --only fresh
			  --latency-rates R,... fixed rates of the open-loop latency runs (default 20,300)
			  --latency-warmup D    (default 10s)
			  --latency-duration D  (default 30s)
			  --ramp S:E:STEP       ramp rates; STEP is added, or xF multiplies (default 50:4000:x1.5:
			                        50, 75, 113, 169, 253, 380, 570, 854, ...)
			  --step-duration D     measured time of each ramp step (default 10s)
			  --p99-bound D         placement-to-final-state p99 a sustained ramp rate stays under
			                        (default 1s)
			  --only P,...          run only these phases: baselines, fresh, capacity, latency, ramp
			  --out DIR             where report.json, report.md and report.html go
			                        (default bench-results/<timestamp>)
			  --order-url, --inventory-url, --payment-url, --notification-url, --bootstrap-server,
			  --jdbc-url            (defaults http://localhost:8080 ... 8083, localhost:9092,
			                        jdbc:postgresql://localhost:15432)
			  --max-outstanding N   open-loop requests in flight before the generator counts itself
			                        saturated (default 4096)
			Durations: 60s, 2m, 500ms. Admin calls send basic auth when SHOP_ADMIN_USER and
			SHOP_ADMIN_PASSWORD are set (./stack bench sets them).
			""";

	static BenchOptions parse(List<String> args, Path root, LocalDateTime now) {
		int clients = 64;
		Duration capacityWarmup = Duration.ofSeconds(60);
		Duration capacityWarmupMax = Duration.ofSeconds(300);
		Duration capacityDuration = Duration.ofSeconds(60);
		int freshOrders = 10_000;
		List<Integer> latencyRates = List.of(20, 300);
		Duration latencyWarmup = Duration.ofSeconds(10);
		Duration latencyDuration = Duration.ofSeconds(30);
		Ramp ramp = new Ramp(50, 4000, 0, 1.5);
		Duration stepDuration = Duration.ofSeconds(10);
		Duration bound = Duration.ofSeconds(1);
		Set<Phase> phases = EnumSet.allOf(Phase.class);
		Path out = null;
		String orderUrl = "http://localhost:8080";
		String inventoryUrl = "http://localhost:8081";
		String paymentUrl = "http://localhost:8082";
		String notificationUrl = "http://localhost:8083";
		String bootstrap = "localhost:9092";
		String jdbcUrl = "jdbc:postgresql://localhost:15432";
		int maxOutstanding = 4096;
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
					case "--clients" -> clients = positive(option, Integer.parseInt(value));
					case "--capacity-warmup" -> capacityWarmup = duration(value);
					case "--capacity-warmup-max" -> capacityWarmupMax = duration(value);
					case "--capacity-duration" -> capacityDuration = duration(value);
					case "--fresh-orders" -> freshOrders = positive(option, Integer.parseInt(value));
					case "--latency-rates" -> latencyRates = rates(option, value);
					case "--latency-warmup" -> latencyWarmup = duration(value);
					case "--latency-duration" -> latencyDuration = duration(value);
					case "--ramp" -> ramp = Ramp.parse(value);
					case "--step-duration" -> stepDuration = duration(value);
					case "--p99-bound" -> bound = duration(value);
					case "--only" -> phases = phases(value);
					case "--out" -> out = Path.of(value);
					case "--order-url" -> orderUrl = value;
					case "--inventory-url" -> inventoryUrl = value;
					case "--payment-url" -> paymentUrl = value;
					case "--notification-url" -> notificationUrl = value;
					case "--bootstrap-server" -> bootstrap = value;
					case "--jdbc-url" -> jdbcUrl = value;
					case "--max-outstanding" -> maxOutstanding = positive(option, Integer.parseInt(value));
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
		if (out == null) {
			out = root.resolve("bench-results").resolve(now.format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
		}
		if (capacityWarmupMax.compareTo(capacityWarmup) < 0) {
			capacityWarmupMax = capacityWarmup;
		}
		return new BenchOptions(clients, capacityWarmup, capacityWarmupMax, capacityDuration, freshOrders, latencyRates,
				latencyWarmup, latencyDuration, ramp, stepDuration, bound, phases, out, orderUrl, inventoryUrl,
				paymentUrl, notificationUrl, bootstrap, jdbcUrl, maxOutstanding, root);
	}

	/** The four services by name, with their base URLs. */
	java.util.Map<String, String> services() {
		java.util.Map<String, String> services = new java.util.LinkedHashMap<>();
		services.put("order-service", this.orderUrl);
		services.put("inventory-service", this.inventoryUrl);
		services.put("payment-service", this.paymentUrl);
		services.put("notification-service", this.notificationUrl);
		return services;
	}

	private static List<Integer> rates(String option, String text) {
		List<Integer> rates = new ArrayList<>();
		for (String rate : text.split(",")) {
			rates.add(positive(option, Integer.parseInt(rate.trim())));
		}
		return List.copyOf(rates);
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
