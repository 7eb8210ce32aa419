package com.shop.stack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

/**
 * The PostgreSQL server of the stack: a real embedded server whose data stays in
 * {@code .stack/postgres}, or an existing server that is left running. Either way it
 * holds one database per service, created when missing.
 */
final class Postgres implements Component {

	private final DatabaseSettings settings;

	private final EmbeddedPostgres embedded;

	private Postgres(DatabaseSettings settings, EmbeddedPostgres embedded) {
		this.settings = settings;
		this.embedded = embedded;
	}

	static Postgres start(DatabaseSettings settings, StackLayout layout) throws StackException {
		EmbeddedPostgres embedded = settings.embedded() ? startEmbedded(layout) : null;
		Postgres postgres = new Postgres(settings, embedded);
		try {
			postgres.createMissing(ServiceSpec.ALL.stream().map(ServiceSpec::database).toList());
		}
		catch (SQLException ex) {
			postgres.stop();
			throw new StackException("Cannot prepare the databases on " + settings.baseUrl(), ex);
		}
		return postgres;
	}

	private static EmbeddedPostgres startEmbedded(StackLayout layout) throws StackException {
		Redirect log = Redirect.appendTo(layout.log("postgres").toFile());
		try {
			return EmbeddedPostgres.builder()
				.setPort(DatabaseSettings.EMBEDDED_PORT)
				.setDataDirectory(layout.postgres())
				.setCleanDataDirectory(false)
				// the launcher stops it itself, after the services that use it
				.setRegisterShutdownHook(false)
				// a commit is durable beyond a power cut, as on a real server (the
				// embedded server's own default is fsync off)
				.setServerConfig("fsync", "on")
				.setServerConfig("synchronous_commit", "on")
				// what the benchmark counts: statements per database (without
				// BEGIN/COMMIT)
				.setServerConfig("shared_preload_libraries", "pg_stat_statements")
				.setServerConfig("pg_stat_statements.track_utility", "off")
				// new tables get statistics (and plans made for their real size) within
				// seconds of filling up, not after autovacuum's default minute
				.setServerConfig("autovacuum_naptime", "5s")
				// fewer, spread checkpoints under a sustained write load
				.setServerConfig("max_wal_size", "2GB")
				.setPGStartupWait(Duration.ofSeconds(60))
				.setOutputRedirector(log)
				.setErrorRedirector(log)
				.start();
		}
		catch (IOException | RuntimeException ex) {
			throw new StackException(
					"The embedded PostgreSQL did not start (see " + layout.relative(layout.log("postgres"))
							+ "; SHOP_DATABASE_URL selects an existing server instead)",
					ex);
		}
	}

	private void createMissing(List<String> databases) throws SQLException {
		try (Connection connection = DriverManager.getConnection(this.settings.jdbcUrl("postgres"),
				this.settings.username(), this.settings.password());
				PreparedStatement exists = connection.prepareStatement("select 1 from pg_database where datname = ?");
				Statement create = connection.createStatement()) {
			if (this.embedded != null) {
				create.execute("create extension if not exists pg_stat_statements");
			}
			for (String database : databases) {
				exists.setString(1, database);
				try (ResultSet found = exists.executeQuery()) {
					if (!found.next()) {
						create.execute("create database \"" + database + "\"");
					}
				}
			}
		}
	}

	@Override
	public String name() {
		return "PostgreSQL";
	}

	String description() {
		return this.settings.embedded() ? "embedded, data in .stack/postgres" : "existing server";
	}

	@Override
	public String stop() {
		if (this.embedded == null) {
			return "PostgreSQL left running (existing server)";
		}
		long start = System.nanoTime();
		try {
			this.embedded.close();
		}
		catch (IOException ex) {
			return "PostgreSQL stop failed: " + ex.getMessage();
		}
		return "PostgreSQL stopped in " + Elapsed.since(start);
	}

}
