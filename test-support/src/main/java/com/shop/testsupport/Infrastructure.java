package com.shop.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * One real PostgreSQL server and one real Kafka broker per test JVM, started on first use
 * and shared by every test in it. Where a Docker engine is reachable they are
 * Testcontainers; otherwise embedded PostgreSQL binaries and an in-JVM KRaft broker, so
 * the tests need nothing installed beyond a JDK.
 */
public final class Infrastructure {

	private static final Logger log = LoggerFactory.getLogger(Infrastructure.class);

	private static final String POSTGRES_IMAGE = "postgres:17-alpine";

	private static final String KAFKA_IMAGE = "apache/kafka:4.1.2";

	private static Postgres postgres;

	private static String kafkaBootstrapServers;

	private static final Set<String> databases = new HashSet<>();

	private static final List<Runnable> stops = new ArrayList<>();

	private static final List<Runnable> users = new CopyOnWriteArrayList<>();

	private Infrastructure() {
	}

	/** The bootstrap servers of the shared broker. */
	public static synchronized String kafkaBootstrapServers() {
		if (kafkaBootstrapServers == null) {
			kafkaBootstrapServers = dockerAvailable() ? startKafkaContainer() : startEmbeddedKafka();
		}
		return kafkaBootstrapServers;
	}

	/**
	 * Connection details of a database of that name on the shared server, created on
	 * first use.
	 */
	public static synchronized Database database(String name) {
		if (postgres == null) {
			postgres = dockerAvailable() ? Postgres.container() : Postgres.embedded();
		}
		if (databases.add(name)) {
			try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl("postgres"), postgres.username(),
					postgres.password()); Statement statement = connection.createStatement()) {
				statement.execute("create database \"" + name + "\"");
			}
			catch (SQLException ex) {
				throw new IllegalStateException("cannot create database " + name, ex);
			}
		}
		return new Database(postgres.jdbcUrl(name), postgres.username(), postgres.password());
	}

	private static boolean dockerAvailable() {
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (RuntimeException | LinkageError ex) {
			return false;
		}
	}

	private static String startEmbeddedKafka() {
		EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 3);
		broker.brokerProperty("group.initial.rebalance.delay.ms", "0");
		// a topic a test touches before its service created it gets the services'
		// partition count
		broker.brokerProperty("num.partitions", "3");
		broker.afterPropertiesSet();
		afterContextsClose(broker::destroy);
		log.info("Embedded KRaft broker at {}", broker.getBrokersAsString());
		return broker.getBrokersAsString();
	}

	private static String startKafkaContainer() {
		KafkaContainer kafka = new KafkaContainer(KAFKA_IMAGE);
		kafka.start();
		return kafka.getBootstrapServers();
	}

	/**
	 * Stops infrastructure at JVM exit, after the application contexts that use it are
	 * closed, so that services shut down gracefully while their database and broker are
	 * still there. Closing a context twice is harmless: the second call waits for the
	 * first.
	 */
	private static synchronized void afterContextsClose(Runnable stop) {
		if (stops.isEmpty()) {
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				users.forEach(Runnable::run);
				stops.forEach(Runnable::run);
			}, "test-infrastructure-shutdown"));
		}
		stops.add(stop);
	}

	/** Closes the context before the infrastructure stops at JVM exit. */
	public static void usedBy(ConfigurableApplicationContext context) {
		stopBefore(context::close);
	}

	/**
	 * Runs {@code stop} at JVM exit before the infrastructure stops, e.g. to stop
	 * services.
	 */
	public static void stopBefore(Runnable stop) {
		users.add(stop);
	}

	/** How to reach one database. */
	public record Database(String url, String username, String password) {
	}

	private record Postgres(String urlPrefix, String username, String password) {

		static Postgres embedded() {
			try {
				EmbeddedPostgres server = EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
				afterContextsClose(() -> {
					try {
						server.close();
					}
					catch (IOException ex) {
						// the JVM is going away
					}
				});
				String prefix = "jdbc:postgresql://localhost:" + server.getPort() + "/";
				return new Postgres(prefix, "postgres", "postgres");
			}
			catch (IOException ex) {
				throw new UncheckedIOException("cannot start embedded PostgreSQL", ex);
			}
		}

		static Postgres container() {
			PostgreSQLContainer container = new PostgreSQLContainer(POSTGRES_IMAGE);
			container.start();
			String prefix = "jdbc:postgresql://" + container.getHost() + ":" + container.getMappedPort(5432) + "/";
			return new Postgres(prefix, container.getUsername(), container.getPassword());
		}

		String jdbcUrl(String database) {
			return this.urlPrefix + database;
		}

	}

}
