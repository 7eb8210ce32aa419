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

/**
 * The whole pipeline for the system tests, started once per test JVM: one PostgreSQL with
 * a database per service, one Kafka broker, an SMTP server that keeps what it receives,
 * and the four services as separate processes.
 */
final class RunningSystem {

	private static RunningSystem instance;

	final ServiceProcess orders;

	final ServiceProcess inventory;

	final ServiceProcess payments;

	final ServiceProcess notifications;

	final GreenMail mail;

	final String kafka;

	private RunningSystem(Path root) {
		this.kafka = Infrastructure.kafkaBootstrapServers();
		this.mail = new GreenMail(new ServerSetup(freePort(), "localhost", ServerSetup.PROTOCOL_SMTP));
		this.mail.start();
		this.orders = service(root, "order-service", Map.of("SHOP_ORDER_TIMEOUT", "2m"));
		this.inventory = service(root, "inventory-service", Map.of());
		this.payments = service(root, "payment-service", Map.of());
		this.notifications = service(root, "notification-service", Map.of());
	}

	static synchronized RunningSystem get() {
		if (instance == null) {
			RunningSystem system = new RunningSystem(Path.of(System.getProperty("shop.root", "..")).toAbsolutePath());
			Infrastructure.stopBefore(system::stop);
			system.start();
			instance = system;
		}
		return instance;
	}

	List<ServiceProcess> services() {
		return List.of(this.orders, this.inventory, this.payments, this.notifications);
	}

	private void start() {
		services().forEach(ServiceProcess::start);
		services().forEach((service) -> service.awaitReady(Duration.ofSeconds(180)));
	}

	private void stop() {
		services().parallelStream().forEach(ServiceProcess::stop);
		this.mail.stop();
	}

	private ServiceProcess service(Path root, String name, Map<String, String> extra) {
		Infrastructure.Database database = Infrastructure.database(name.replace('-', '_'));
		Map<String, String> environment = new LinkedHashMap<>();
		environment.put("SPRING_DATASOURCE_URL", database.url());
		environment.put("SPRING_DATASOURCE_USERNAME", database.username());
		environment.put("SPRING_DATASOURCE_PASSWORD", database.password());
		environment.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", this.kafka);
		environment.put("SPRING_MAIL_HOST", "localhost");
		environment.put("SPRING_MAIL_PORT", String.valueOf(this.mail.getSmtp().getPort()));
		environment.putAll(extra);
		return ServiceProcess.of(root, name, freePort(), environment);
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
