package com.shop.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

import static org.awaitility.Awaitility.await;

/**
 * A real single-node KRaft broker in its own JVM, from the Apache Kafka jars on the test
 * classpath, so a test can stop it and start it again on the same port with the same
 * data. It runs as the local stack's does: clients log in with SASL/SCRAM (the users are
 * written into the storage when it is formatted), the {@code StandardAuthorizer} allows
 * only what the services' ACLs grant, {@code admin} is a super user, and the controller
 * listener takes SASL/PLAIN from the node itself.
 */
final class KafkaProcess {

	private final Path directory;

	private final int port;

	private final int controllerPort;

	private final BrokerLogins logins;

	private Process process;

	KafkaProcess(Path directory, int port, int controllerPort, BrokerLogins logins) {
		this.directory = directory;
		this.port = port;
		this.controllerPort = controllerPort;
		this.logins = logins;
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
				List<String> format = new ArrayList<>(List.of("kafka.tools.StorageTool", "format", "-t",
						Uuid.randomUuid().toString(), "-c", config.toString()));
				for (String user : users()) {
					format.addAll(List.of("--add-scram",
							"SCRAM-SHA-512=[name=" + user + ",password=" + this.logins.password(user) + "]"));
				}
				run(format, "format.log").waitFor(60, TimeUnit.SECONDS);
			}
			this.process = run(List.of("kafka.Kafka", config.toString()), "kafka.log");
			await("Kafka ready").atMost(Duration.ofSeconds(90))
				.pollInterval(Duration.ofMillis(250))
				.until(this::answers);
			grantAcls();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** Admin settings for a client of this broker. */
	Map<String, Object> admin() {
		return this.logins.client(BrokerLogins.ADMIN, bootstrapServers());
	}

	/** Settings for a client of this broker that logs in as that service. */
	Map<String, Object> loggedInAs(String service) {
		return this.logins.client(service, bootstrapServers());
	}

	private List<String> users() {
		List<String> users = new ArrayList<>(List.of(BrokerLogins.ADMIN));
		users.addAll(BrokerLogins.SERVICES);
		return users;
	}

	/** Idempotent, so done on every start. */
	private void grantAcls() throws InterruptedException {
		try (Admin admin = Admin.create(admin())) {
			admin.createAcls(this.logins.acls()).all().get(30, TimeUnit.SECONDS);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("cannot create the services' ACLs", ex);
		}
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
		List<String> command = new ArrayList<>(
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
		Map<String, Object> config = admin();
		config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
		config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000);
		try (Admin admin = Admin.create(config)) {
			return !admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty();
		}
		catch (Exception ex) {
			return false;
		}
	}

	private String properties() {
		String controller = this.logins.password(BrokerLogins.CONTROLLER);
		return String.join("\n", "process.roles=broker,controller", "node.id=1",
				"controller.quorum.voters=1@127.0.0.1:" + this.controllerPort,
				"listeners=CLIENT://localhost:" + this.port + ",CONTROLLER://127.0.0.1:" + this.controllerPort,
				"advertised.listeners=CLIENT://localhost:" + this.port, "controller.listener.names=CONTROLLER",
				"inter.broker.listener.name=CLIENT",
				"listener.security.protocol.map=CONTROLLER:SASL_PLAINTEXT,CLIENT:SASL_PLAINTEXT",
				"listener.name.client.sasl.enabled.mechanisms=SCRAM-SHA-512",
				"sasl.mechanism.inter.broker.protocol=SCRAM-SHA-512",
				"listener.name.client.scram-sha-512.sasl.jaas.config="
						+ BrokerLogins.scramLogin(BrokerLogins.ADMIN, this.logins.password(BrokerLogins.ADMIN)),
				"listener.name.controller.sasl.enabled.mechanisms=PLAIN", "sasl.mechanism.controller.protocol=PLAIN",
				"listener.name.controller.plain.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule"
						+ " required username=\"controller\" password=\"" + controller + "\" user_controller=\""
						+ controller + "\";",
				"authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer",
				"allow.everyone.if.no.acl.found=false", "auto.create.topics.enable=false",
				"super.users=User:admin;User:controller", "log.dirs=" + this.directory.resolve("data").toAbsolutePath(),
				"num.partitions=3", "offsets.topic.replication.factor=1", "transaction.state.log.replication.factor=1",
				"transaction.state.log.min.isr=1", "share.coordinator.state.topic.replication.factor=1",
				"share.coordinator.state.topic.min.isr=1", "group.initial.rebalance.delay.ms=0", "");
	}

}
