package com.shop.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the database server itself sustains for the shape of an order placement: durable
 * transactions (synchronous commit on; the report says whether the server runs with
 * {@code fsync}, without which no commit survives a power cut) of two 300-byte INSERTs,
 * an order row and an outbox row, from 1 and from 8 clients, in a scratch database
 * {@value #DATABASE}.
 */
final class PostgresBaseline {

	static final String DATABASE = "benchmark";

	private static final String PAYLOAD = "x".repeat(300);

	/**
	 * Two-row transactions per second.
	 *
	 * @param clients concurrent connections
	 * @param transactions committed in the window
	 * @param seconds the window
	 * @param transactionsPerSecond the rate
	 * @param fsync the server's {@code fsync} setting: only with {@code on} is a commit
	 * durable beyond a crash of the server process
	 */
	record Result(int clients, long transactions, double seconds, double transactionsPerSecond, String fsync) {
	}

	private final String serverUrl;

	private final String user;

	private final String password;

	PostgresBaseline(String serverUrl, String user, String password) {
		this.serverUrl = serverUrl;
		this.user = user;
		this.password = password;
	}

	List<Result> run(Duration each, int... clientCounts) throws SQLException, InterruptedException {
		prepare();
		List<Result> results = new ArrayList<>();
		try {
			for (int clients : clientCounts) {
				Console.say("PostgreSQL baseline: two-row transactions, %d client(s), %d s", clients, each.toSeconds());
				results.add(measure(clients, each));
			}
		}
		finally {
			try (Connection connection = connect(DATABASE); Statement statement = connection.createStatement()) {
				statement.execute("truncate bench_order, bench_outbox");
			}
		}
		return results;
	}

	private void prepare() throws SQLException {
		try (Connection connection = connect("postgres"); Statement statement = connection.createStatement()) {
			try (ResultSet exists = statement
				.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'")) {
				if (!exists.next()) {
					statement.execute("create database " + DATABASE);
				}
			}
		}
		try (Connection connection = connect(DATABASE); Statement statement = connection.createStatement()) {
			statement.execute("create table if not exists bench_order (id uuid primary key, payload text not null)");
			statement.execute(
					"create table if not exists bench_outbox (id bigserial primary key, order_id uuid not null, payload text not null)");
			statement.execute("truncate bench_order, bench_outbox");
		}
	}

	private Result measure(int clients, Duration window) throws SQLException, InterruptedException {
		AtomicLong committed = new AtomicLong();
		List<Thread> threads = new ArrayList<>();
		List<SQLException> failures = new ArrayList<>();
		long start = System.nanoTime();
		long end = start + window.toNanos();
		for (int i = 0; i < clients; i++) {
			Thread thread = new Thread(() -> {
				try (Connection connection = connect(DATABASE)) {
					connection.setAutoCommit(false);
					try (Statement statement = connection.createStatement()) {
						statement.execute("set synchronous_commit = on");
					}
					try (PreparedStatement order = connection
						.prepareStatement("insert into bench_order (id, payload) values (?, ?)");
							PreparedStatement outbox = connection
								.prepareStatement("insert into bench_outbox (order_id, payload) values (?, ?)")) {
						while (System.nanoTime() < end) {
							UUID id = UUID.randomUUID();
							order.setObject(1, id);
							order.setString(2, PAYLOAD);
							order.executeUpdate();
							outbox.setObject(1, id);
							outbox.setString(2, PAYLOAD);
							outbox.executeUpdate();
							connection.commit();
							committed.incrementAndGet();
						}
					}
				}
				catch (SQLException ex) {
					synchronized (failures) {
						failures.add(ex);
					}
				}
			}, "bench-pg-" + i);
			threads.add(thread);
			thread.start();
		}
		for (Thread thread : threads) {
			thread.join();
		}
		if (!failures.isEmpty()) {
			throw failures.get(0);
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		return new Result(clients, committed.get(), Percentiles.round(seconds),
				Percentiles.round(committed.get() / seconds), fsync());
	}

	private String fsync() throws SQLException {
		try (Connection connection = connect(DATABASE);
				ResultSet rs = connection.createStatement().executeQuery("show fsync")) {
			rs.next();
			return rs.getString(1);
		}
	}

	private Connection connect(String database) throws SQLException {
		return DriverManager.getConnection(this.serverUrl + "/" + database, this.user, this.password);
	}

}
