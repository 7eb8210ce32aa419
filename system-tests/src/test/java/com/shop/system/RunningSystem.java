package com.shop.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.shop.testsupport.Infrastructure;
import com.shop.testsupport.TestAdmin;

/**
 * The whole pipeline for the system tests, started once per test JVM: a Kafka broker in
 * its own process, PostgreSQL (inventory-service on a server of its own, so one service's
 * database can be restarted), an SMTP server that keeps what it receives, and the four
 * services as separate processes. Every part can be stopped and started again by a fault
 * test. The broker takes only logged-in clients: each service gets its own login, the
 * tests log in as admin ({@link KafkaProcess#admin()}).
 */
final class RunningSystem {

	/**
	 * Short enough that a test can watch an order time out, long enough that a service
	 * restart during a fault test does not time out the orders placed meanwhile.
	 */
	static final Duration ORDER_TIMEOUT = Duration.ofSeconds(60);

	private static RunningSystem instance;

	final KafkaProcess kafka;

	private final BrokerLogins logins;

	final PostgresServer inventoryDatabase;

	final GreenMail mail;

	final ServiceProcess orders;

	final ServiceProcess inventory;

	final ServiceProcess payments;

	final ServiceProcess notifications;

	private RunningSystem(Path root) {
		Path run = root.resolve("system-tests").resolve("target").resolve("run-" + System.currentTimeMillis());
		this.logins = new BrokerLogins(root);
		this.kafka = new KafkaProcess(run.resolve("kafka"), freePort(), freePort(), this.logins);
		this.kafka.start();
		this.inventoryDatabase = new PostgresServer(run.resolve("inventory-postgres"), freePort());
		this.inventoryDatabase.start();
		this.mail = new GreenMail(new ServerSetup(freePort(), "localhost", ServerSetup.PROTOCOL_SMTP));
		this.mail.start();
		int orderPort = freePort();
		int inventoryPort = freePort();
		int notificationPort = freePort();
		// the store page, served by notification-service, calls order- and
		// inventory-service
		String page = "http://localhost:" + notificationPort;
		this.orders = service(root, "order-service", orderPort, shared("order_service"),
				Map.of("SHOP_ORDER_TIMEOUT", ORDER_TIMEOUT.toSeconds() + "s", "SHOP_ORDER_TIMEOUT_CHECK_INTERVAL", "2s",
						"SHOP_WEB_CORS_ALLOWED_ORIGINS", page));
		this.inventory = service(root, "inventory-service", inventoryPort,
				new Infrastructure.Database(this.inventoryDatabase.database("inventory_service"), "postgres",
						"postgres"),
				// small polls, so that a backlog takes several batches (the fault test
				// that
				// kills it in the middle of them)
				Map.of("SHOP_WEB_CORS_ALLOWED_ORIGINS", page, "SPRING_KAFKA_CONSUMER_MAX_POLL_RECORDS", "10"));
		this.payments = service(root, "payment-service", freePort(), shared("payment_service"), Map.of());
		this.notifications = service(root, "notification-service", notificationPort, shared("notification_service"),
				Map.of("SHOP_WEBHOOKS_SECRET_KEY", "c2hvcC10ZXN0LXdlYmhvb2stc2VjcmV0LWtleS0zMmI=",
						// the tests' webhook receivers listen on this machine
						"SHOP_WEBHOOKS_ALLOWED_NETWORKS", "127.0.0.0/8", "SHOP_PAGE_ORDER_SERVICE_URL",
						"http://localhost:" + orderPort, "SHOP_PAGE_INVENTORY_SERVICE_URL",
						"http://localhost:" + inventoryPort));
	}

	static synchronized RunningSystem get() {
		if (instance == null) {
			RunningSystem system = new RunningSystem(Path.of(System.getProperty("shop.root", "..")).toAbsolutePath());
			Infrastructure.stopBefore(system::stop);
			system.services().parallelStream().forEach(ServiceProcess::start);
			system.services().forEach((service) -> service.awaitReady(Duration.ofSeconds(180)));
			instance = system;
		}
		return instance;
	}

	List<ServiceProcess> services() {
		return List.of(this.orders, this.inventory, this.payments, this.notifications);
	}

	/** Starts a stopped or killed service again and waits until it is ready. */
	void restart(ServiceProcess service) {
		service.start();
		service.awaitReady(Duration.ofSeconds(180));
	}

	private void stop() {
		services().parallelStream().forEach(ServiceProcess::stop);
		this.mail.stop();
		this.kafka.stop();
		this.inventoryDatabase.stop();
	}

	private static Infrastructure.Database shared(String database) {
		return Infrastructure.database(database);
	}

	private ServiceProcess service(Path root, String name, int port, Infrastructure.Database database,
			Map<String, String> extra) {
		Map<String, String> environment = new LinkedHashMap<>();
		environment.put("SPRING_DATASOURCE_URL", database.url());
		environment.put("SPRING_DATASOURCE_USERNAME", database.username());
		environment.put("SPRING_DATASOURCE_PASSWORD", database.password());
		environment.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", this.kafka.bootstrapServers());
		// each service logs in as itself and may write only its own topics
		environment.putAll(this.logins.environment(name));
		environment.put("SPRING_MAIL_HOST", "localhost");
		environment.put("SPRING_MAIL_PORT", String.valueOf(this.mail.getSmtp().getPort()));
		environment.put("SHOP_SECURITY_ADMIN_PASSWORD", TestAdmin.PASSWORD);
		// the fault tests place bursts of orders from this one client
		environment.put("SHOP_WEB_RATE_LIMIT_PER_SECOND", "1000");
		environment.put("SHOP_WEB_RATE_LIMIT_BURST", "1000");
		environment.putAll(extra);
		return ServiceProcess.of(root, name, port, environment);
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
