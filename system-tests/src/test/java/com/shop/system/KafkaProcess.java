package com.shop.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

import static org.awaitility.Awaitility.await;

/**
 * A real single-node KRaft broker in its own JVM, from the Apache Kafka jars on the test
 * classpath, so a test can stop it and start it again on the same port with the same
 * data.
 */
final class KafkaProcess {

	private final Path directory;

	private final int port;

	private final int controllerPort;

	private Process process;

	KafkaProcess(Path directory, int port, int controllerPort) {
		this.directory = directory;
		this.port = port;
		this.controllerPort = controllerPort;
	}

	String bootstrapServers() {
		return "localhost:" + this.port;
	}

	void start() {
		try {
			Path config = this.directory.resolve("server.properties");
			if (!Files.exists(config)) {
				Files.createDirectories(this.directory);
				Files.writeString(config, properties());
				run(List.of("kafka.tools.StorageTool", "format", "-t", Uuid.randomUuid().toString(), "-c",
						config.toString()), "format.log")
					.waitFor(60, TimeUnit.SECONDS);
			}
			this.process = run(List.of("kafka.Kafka", config.toString()), "kafka.log");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		await("Kafka ready").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).until(this::answers);
	}

	/** SIGTERM: the broker shuts down cleanly, as in a rolling restart. */
	void stop() {
		this.process.destroy();
		try {
			if (!this.process.waitFor(60, TimeUnit.SECONDS)) {
				this.process.destroyForcibly().waitFor();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private Process run(List<String> mainAndArguments, String log) throws IOException {
		List<String> command = new java.util.ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m",
						"-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path")));
		command.addAll(mainAndArguments);
		return new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(this.directory.resolve(log).toFile()))
			.start();
	}

	private boolean answers() {
		if (!this.process.isAlive()) {
			throw new IllegalStateException("Kafka exited; see " + this.directory.resolve("kafka.log"));
		}
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
				AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000, AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
				2000))) {
			return !admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty();
		}
		catch (Exception ex) {
			return false;
		}
	}

	private String properties() {
		return String.join("\n", "process.roles=broker,controller", "node.id=1",
				"controller.quorum.voters=1@localhost:" + this.controllerPort,
				"listeners=PLAINTEXT://localhost:" + this.port + ",CONTROLLER://localhost:" + this.controllerPort,
				"controller.listener.names=CONTROLLER", "inter.broker.listener.name=PLAINTEXT",
				"listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
				"log.dirs=" + this.directory.resolve("data").toAbsolutePath(), "num.partitions=3",
				"offsets.topic.replication.factor=1", "transaction.state.log.replication.factor=1",
				"transaction.state.log.min.isr=1", "share.coordinator.state.topic.replication.factor=1",
				"share.coordinator.state.topic.min.isr=1", "group.initial.rebalance.delay.ms=0", "");
	}

}
