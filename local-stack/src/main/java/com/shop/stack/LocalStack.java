package com.shop.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Starts the whole system on one machine for a developer: PostgreSQL, a Kafka broker, an
 * SMTP sink and the four services, in that order; waits until all are healthy, prints
 * where everything is, and stops it all in reverse order on Ctrl-C. Run it with
 * {@code ./stack}.
 */
public final class LocalStack {

	private static final String DEFAULT_SERVICE_OPTIONS = "-Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1";

	private final StackLayout layout;

	private final DatabaseSettings database;

	private final Stack stack = new Stack(Thread.currentThread());

	private LocalStack(StackLayout layout, DatabaseSettings database) {
		this.layout = layout;
		this.database = database;
	}

	public static void main(String[] args) throws InterruptedException {
		long start = System.nanoTime();
		StackLayout layout = new StackLayout(Path.of(System.getProperty("stack.root", "")));
		LocalStack localStack = new LocalStack(layout, DatabaseSettings.from(System.getenv()));
		localStack.refuseTakenPorts();
		Runtime.getRuntime().addShutdownHook(new Thread(localStack.stack::stopAll, "stack-shutdown"));
		try {
			localStack.start(start);
		}
		catch (StackException | RuntimeException ex) {
			if (localStack.stack.isStopping()) {
				// Ctrl-C during start-up: the shutdown hook is stopping everything
				return;
			}
			System.err.println();
			System.err.println("[stack] FAILED: " + ex.getMessage());
			localStack.stack.stopAll();
			System.exit(1);
		}
		new CountDownLatch(1).await();
	}

	private void refuseTakenPorts() {
		Map<Integer, String> needed = new LinkedHashMap<>();
		if (this.database.embedded()) {
			needed.put(DatabaseSettings.EMBEDDED_PORT, "PostgreSQL");
		}
		needed.put(BrokerConfig.PORT, "Kafka");
		needed.put(BrokerConfig.CONTROLLER_PORT, "the Kafka controller");
		needed.put(MailSink.SMTP_PORT, "the SMTP sink");
		needed.put(MailSink.VIEWER_PORT, "the mail viewer");
		ServiceSpec.ALL.forEach((service) -> needed.put(service.port(), service.name()));
		Map<Integer, String> taken = PortCheck.taken(needed);
		if (!taken.isEmpty()) {
			taken.forEach((port, use) -> System.err
				.println("[stack] Port " + port + " (needed for " + use + ") is already in use."));
			System.err.println("[stack] Is the stack already running, or left over from an earlier run? "
					+ "Find the process with: ss -ltnp 'sport = :" + taken.keySet().iterator().next() + "'");
			System.exit(2);
		}
	}

	private void start(long start) throws StackException {
		Services.StartupWait startupWait = Services.StartupWait.from(System.getenv());
		this.layout.createDirectories();
		List<String> missing = new ArrayList<>();
		List<ServiceSpec> services = builtServices(missing);

		// The broker's JVM boots while PostgreSQL starts; it is added to the stack after
		// PostgreSQL and the mail sink so that it stops before them.
		KafkaUsers users = kafkaUsers();
		KafkaBroker kafka = KafkaBroker.launch(this.layout, users);
		Postgres postgres = this.stack.add(Postgres.start(this.database, this.layout));
		Console.say("PostgreSQL ready (" + postgres.description() + ") at " + this.database.baseUrl() + " after "
				+ Elapsed.since(start));

		MailSink mail = this.stack.add(startMailSink());
		Console.say("SMTP sink on localhost:" + mail.smtpPort() + ", mail viewer on " + mail.viewerUrl());

		this.stack.add(kafka).awaitReady(this.layout, users);
		BrokerAccess.grant(users);
		Console.say("Kafka ready on " + BrokerConfig.BOOTSTRAP + " (SASL/SCRAM, one user and its ACLs per service)"
				+ " after " + Elapsed.since(start));

		Console.say("Starting " + services.stream().map(ServiceSpec::name).toList() + " (logs in "
				+ this.layout.relative(this.layout.logs()) + ")...");
		Services running = this.stack.add(Services.launch(services, this.layout, this.database, users, mail.smtpPort(),
				secret(this.layout.adminPassword(), 24), secret(this.layout.webhookSecretKey(), 32), serviceOptions(),
				ClassDataSharing.enabled(System.getenv())));
		running.awaitHealthy(startupWait, start);

		this.stack.startupFinished();
		System.out.print(Banner.render(services, missing, this.database, mail.viewerUrl(),
				this.layout.relative(this.layout.logs()) + "/",
				this.layout.relative(this.layout.adminClientProperties()),
				this.layout.relative(this.layout.adminPassword()), Elapsed.since(start)));
		watch(kafka.process());
		running.processes().forEach(this::watch);
	}

	/**
	 * The broker's users, created on the first start, and the admin's login for the Kafka
	 * CLI tools.
	 */
	private KafkaUsers kafkaUsers() throws StackException {
		try {
			KafkaUsers users = KafkaUsers.loadOrCreate(this.layout.kafkaUsers(),
					ServiceSpec.ALL.stream().map(ServiceSpec::name).toList());
			users.writeClientProperties(this.layout.adminClientProperties(), KafkaUsers.ADMIN);
			return users;
		}
		catch (IOException ex) {
			throw new StackException("Cannot keep the Kafka users in " + this.layout.relative(this.layout.secrets()),
					ex);
		}
	}

	private String secret(Path file, int bytes) throws StackException {
		try {
			return StackSecrets.loadOrCreate(file, bytes);
		}
		catch (IOException ex) {
			throw new StackException("Cannot keep a secret in " + this.layout.relative(file), ex);
		}
	}

	/** The services whose jar exists; the others are named in {@code missing}. */
	private List<ServiceSpec> builtServices(List<String> missing) {
		List<ServiceSpec> built = new ArrayList<>();
		for (ServiceSpec service : ServiceSpec.ALL) {
			Path jar = this.layout.jar(service.name());
			if (Files.isRegularFile(jar)) {
				built.add(service);
			}
			else {
				missing.add(service.name());
				Console.warn(service.name() + " is not built (" + this.layout.relative(jar)
						+ " is missing); starting without it. Build with: ./mvnw -DskipTests install");
			}
		}
		return built;
	}

	private static MailSink startMailSink() throws StackException {
		try {
			return MailSink.start(MailSink.SMTP_PORT, MailSink.VIEWER_PORT);
		}
		catch (IOException | RuntimeException ex) {
			throw new StackException("The SMTP sink did not start", ex);
		}
	}

	private static List<String> serviceOptions() {
		String options = System.getenv().getOrDefault("STACK_SERVICE_JAVA_OPTS", DEFAULT_SERVICE_OPTIONS);
		return Arrays.stream(options.trim().split("\\s+")).filter((option) -> !option.isEmpty()).toList();
	}

	private void watch(ChildProcess process) {
		process.onUnexpectedExit((dead) -> System.err.print("\n[stack] " + dead.failure(
				dead.name() + " exited unexpectedly (exit code " + dead.exitCode() + "); the rest keeps running",
				this.layout)));
	}

}
