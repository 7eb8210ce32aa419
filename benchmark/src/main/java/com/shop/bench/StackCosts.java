package com.shop.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a run cost besides CPU: SQL statements and transactions in each service's
 * database, from PostgreSQL's own counters ({@code pg_stat_statements}, without
 * transaction control, and {@code pg_stat_database}), and the Kafka produce requests and
 * records the services' producers sent, from their Prometheus metrics. Read before and
 * after a run; the difference divided by the orders settled is the cost per order.
 */
final class StackCosts {

	private final String jdbcUrl;

	private final String user;

	private final String password;

	private final HttpClient http;

	private final Map<String, String> services;

	private final String authorization;

	StackCosts(String jdbcUrl, String user, String password, HttpClient http, Map<String, String> services) {
		this.jdbcUrl = jdbcUrl;
		this.user = user;
		this.password = password;
		this.http = http;
		this.services = services;
		this.authorization = StackLogins.httpAuthorization();
	}

	/** Counters at one moment; {@code problems} says what could not be read. */
	record Reading(Map<String, long[]> databases, Map<String, long[]> producers, List<String> problems) {
	}

	/**
	 * One database's or service's share of a run.
	 *
	 * @param name the database or service
	 * @param statements SQL statements executed (databases), produce requests (services)
	 * @param transactions transactions committed or rolled back (databases), records sent
	 * (services)
	 */
	record Part(String name, long statements, long transactions) {
	}

	/**
	 * The cost of a run.
	 *
	 * @param orders the orders it is divided by (settled in the run)
	 * @param databases statements and transactions per database
	 * @param producers produce requests ({@code statements}) and records
	 * ({@code transactions}) per service
	 * @param statementsPerOrder all databases' statements per order
	 * @param transactionsPerOrder all databases' transactions per order
	 * @param produceRequestsPerOrder all services' produce requests per order
	 * @param recordsPerOrder all services' records sent per order
	 * @param problems what could not be measured
	 */
	record Costs(long orders, List<Part> databases, List<Part> producers, double statementsPerOrder,
			double transactionsPerOrder, double produceRequestsPerOrder, double recordsPerOrder,
			List<String> problems) {

		String describe() {
			if (this.orders == 0) {
				return "no orders settled";
			}
			StringBuilder out = new StringBuilder(
					String.format(java.util.Locale.ROOT, "%.1f SQL statements and %.2f transactions per order (",
							this.statementsPerOrder, this.transactionsPerOrder));
			for (int i = 0; i < this.databases.size(); i++) {
				Part part = this.databases.get(i);
				out.append((i > 0) ? ", " : "")
					.append(String.format(java.util.Locale.ROOT, "%s %.1f / %.2f", part.name(),
							part.statements() / (double) this.orders, part.transactions() / (double) this.orders));
			}
			out.append(String.format(java.util.Locale.ROOT, "); %.2f Kafka produce requests and %.1f records per order",
					this.produceRequestsPerOrder, this.recordsPerOrder));
			if (!this.problems.isEmpty()) {
				out.append("; not measured: ").append(String.join("; ", this.problems));
			}
			return out.toString();
		}

	}

	Reading read() {
		List<String> problems = new ArrayList<>();
		return new Reading(databases(problems), producers(problems), problems);
	}

	static Costs between(Reading before, Reading after, long orders) {
		List<Part> databases = parts(before.databases(), after.databases());
		List<Part> producers = parts(before.producers(), after.producers());
		List<String> problems = new ArrayList<>(after.problems());
		before.problems().stream().filter((problem) -> !problems.contains(problem)).forEach(problems::add);
		return new Costs(orders, databases, producers, perOrder(databases, true, orders),
				perOrder(databases, false, orders), perOrder(producers, true, orders),
				perOrder(producers, false, orders), problems);
	}

	private static List<Part> parts(Map<String, long[]> before, Map<String, long[]> after) {
		List<Part> parts = new ArrayList<>();
		after.forEach((name, now) -> {
			long[] then = before.getOrDefault(name, new long[2]);
			parts.add(new Part(name, now[0] - then[0], now[1] - then[1]));
		});
		return parts;
	}

	private static double perOrder(List<Part> parts, boolean statements, long orders) {
		long sum = parts.stream().mapToLong((part) -> statements ? part.statements() : part.transactions()).sum();
		return (orders > 0) ? Percentiles.round(sum / (double) orders) : 0;
	}

	private Map<String, long[]> databases(List<String> problems) {
		Map<String, long[]> databases = new TreeMap<>();
		try (Connection connection = DriverManager.getConnection(this.jdbcUrl + "/postgres", this.user, this.password);
				Statement statement = connection.createStatement()) {
			try (ResultSet rs = statement.executeQuery(
					"select datname, xact_commit + xact_rollback from pg_stat_database where datname like '%\\_service'")) {
				while (rs.next()) {
					databases.put(rs.getString(1), new long[] { 0, rs.getLong(2) });
				}
			}
			try (ResultSet rs = statement.executeQuery("select d.datname, sum(s.calls) from pg_stat_statements s"
					+ " join pg_database d on d.oid = s.dbid where d.datname like '%\\_service' group by 1")) {
				while (rs.next()) {
					databases.computeIfAbsent(rs.getString(1), (name) -> new long[2])[0] = rs.getLong(2);
				}
			}
			catch (SQLException ex) {
				problems
					.add("SQL statements (pg_stat_statements is not enabled on this server: " + ex.getMessage() + ")");
			}
		}
		catch (SQLException ex) {
			problems.add("database counters (" + ex.getMessage() + ")");
		}
		return databases;
	}

	private Map<String, long[]> producers(List<String> problems) {
		Map<String, long[]> producers = new TreeMap<>();
		this.services.forEach((service, url) -> {
			try {
				HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + "/actuator/prometheus"))
					.timeout(Duration.ofSeconds(5));
				if (this.authorization != null) {
					request.header("Authorization", this.authorization);
				}
				HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() != 200) {
					problems.add("produce requests of " + service + " (HTTP " + response.statusCode() + ")");
					return;
				}
				producers.put(service, new long[] { sum(response.body(), "kafka_producer_request_total"),
						sum(response.body(), "kafka_producer_record_send_total") });
			}
			catch (IOException ex) {
				problems.add("produce requests of " + service + " (" + ex.getMessage() + ")");
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		});
		return producers;
	}

	/** The sum of a counter over all its series in a Prometheus text exposition. */
	static long sum(String exposition, String metric) {
		long sum = 0;
		for (String line : exposition.split("\n")) {
			if (line.startsWith(metric + "{") || line.startsWith(metric + " ")) {
				String value = line.substring(line.lastIndexOf(' ') + 1);
				try {
					sum += (long) Double.parseDouble(value);
				}
				catch (NumberFormatException ex) {
					// NaN or a malformed line: not counted
				}
			}
		}
		return sum;
	}

}
