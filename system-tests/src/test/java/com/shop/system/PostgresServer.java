package com.shop.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A PostgreSQL server of one service's own, with its data kept on disk, so a test can
 * stop it and start it again on the same port while the service keeps running.
 */
final class PostgresServer {

	private final Path directory;

	private final int port;

	private EmbeddedPostgres server;

	PostgresServer(Path directory, int port) {
		this.directory = directory;
		this.port = port;
	}

	void start() {
		try {
			this.server = EmbeddedPostgres.builder()
				.setDataDirectory(this.directory)
				.setCleanDataDirectory(false)
				.setPort(this.port)
				.setRegisterShutdownHook(false)
				.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("PostgreSQL did not start", ex);
		}
	}

	void stop() {
		try {
			this.server.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The JDBC URL of a database on this server, created if missing. */
	String database(String name) {
		String base = "jdbc:postgresql://localhost:" + this.port + "/";
		try (Connection connection = DriverManager.getConnection(base + "postgres", "postgres", "postgres");
				Statement statement = connection.createStatement()) {
			statement.execute("create database \"" + name + "\"");
		}
		catch (SQLException ex) {
			throw new IllegalStateException("cannot create database " + name, ex);
		}
		return base + name;
	}

}
