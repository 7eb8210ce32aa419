package com.shop.stack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.SaslAuthenticationException;

/**
 * A real single-node Kafka broker (KRaft, broker and controller in one JVM) running as a
 * child process from the Apache Kafka jars. Its log directory {@code .stack/kafka} is
 * formatted once, on the first start, and kept afterwards. Clients log in (see
 * {@link BrokerConfig}).
 */
final class KafkaBroker implements Component {

	private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);

	private final ChildProcess process;

	private KafkaBroker(ChildProcess process) {
		this.process = process;
	}

	/**
	 * Starts the broker process; {@link #awaitReady} then waits until it answers. A new
	 * storage is formatted with the admin's SCRAM credentials, the one login that must
	 * exist before the broker can be asked to create the others.
	 */
	static KafkaBroker launch(StackLayout layout, KafkaUsers users) throws StackException {
		Path config = layout.kafkaConfig();
		boolean formatted = Files.exists(layout.kafka().resolve("meta.properties"));
		if (formatted && users.created()) {
			throw new StackException("The Kafka storage in " + layout.relative(layout.kafka())
					+ " was formatted without the broker's users (before the stack had broker ACLs, or "
					+ layout.relative(layout.secrets()) + " was deleted since), so nobody could log in to it."
					+ " Remove it and start again: rm -rf " + layout.relative(layout.kafka())
					+ " (loses the topics, keeps the databases), or rm -rf .stack to reset everything.");
		}
		try {
			Files.writeString(config, BrokerConfig.render(layout.kafka(), users));
			if (!formatted) {
				format(layout, config, users);
			}
			ChildProcess process = ChildProcess.start("kafka",
					JavaCommand.of(List.of("-Xmx512m", "-Xms256m", "-Dstack.log.level=INFO", "-cp",
							JavaCommand.classpath(), "kafka.Kafka", config.toString())),
					Map.of(), layout.root(), layout.log("kafka"));
			return new KafkaBroker(process);
		}
		catch (IOException ex) {
			throw new StackException("Kafka did not start", ex);
		}
	}

	private static void format(StackLayout layout, Path config, KafkaUsers users) throws IOException, StackException {
		ChildProcess format = ChildProcess.start("kafka-storage-format",
				JavaCommand.of(List.of("-Xmx256m", "-cp", JavaCommand.classpath(), "kafka.tools.StorageTool", "format",
						"-t", Uuid.randomUuid().toString(), "-c", config.toString(), "--add-scram",
						users.storageCredential(KafkaUsers.ADMIN))),
				Map.of(), layout.root(), layout.log("kafka-storage-format"));
		try {
			if (!format.waitFor(Duration.ofSeconds(60)) || format.exitCode() != 0) {
				format.stop(Duration.ofSeconds(5));
				throw new StackException(format.failure("Formatting the Kafka storage failed", layout));
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new StackException("Interrupted while formatting the Kafka storage");
		}
	}

	void awaitReady(StackLayout layout, KafkaUsers users) throws StackException {
		long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new StackException(this.process
					.failure("Kafka exited during start-up (exit code " + this.process.exitCode() + ")", layout));
			}
			if (acceptsConnections() && answers(users, layout)) {
				return;
			}
			Pause.briefly();
		}
		throw new StackException(
				this.process.failure("Kafka was not ready after " + READY_TIMEOUT.toSeconds() + " s", layout));
	}

	private static boolean acceptsConnections() {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("localhost", BrokerConfig.PORT), 500);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private boolean answers(KafkaUsers users, StackLayout layout) throws StackException {
		Map<String, Object> config = new HashMap<>(users.clientSettings(KafkaUsers.ADMIN));
		config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, BrokerConfig.BOOTSTRAP);
		config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000);
		config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000);
		try (Admin admin = Admin.create(config)) {
			return !admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty();
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof SaslAuthenticationException) {
				throw new StackException(this.process.failure(
						"Kafka refuses the admin password of " + layout.relative(layout.kafkaUsers()) + " ("
								+ ex.getCause().getMessage()
								+ "); the storage was formatted with other users. Remove it and start again: rm -rf "
								+ layout.relative(layout.kafka()) + " (loses the topics, keeps the databases)",
						layout));
			}
			return false;
		}
		catch (TimeoutException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	ChildProcess process() {
		return this.process;
	}

	@Override
	public String name() {
		return "Kafka";
	}

	@Override
	public String stop() {
		return this.process.stop(Duration.ofSeconds(30));
	}

}
