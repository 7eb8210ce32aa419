package com.shop.notification;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.shop.events.Topics;
import com.shop.testsupport.Infrastructure;
import com.shop.testsupport.IntegrationTest;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The base of every integration test of notification-service: one application context for
 * them all (they consume the same topic in the same group, so two contexts would split
 * its partitions between them), with a GreenMail SMTP server, and webhook settings that
 * allow receivers on loopback and retry within a second.
 */
@IntegrationTest
// enough retries to bring the stopped SMTP server back before the record is dead-lettered
@TestPropertySource(properties = { "shop.messaging.retry.max-retries=20", "shop.messaging.retry.max-interval=500ms",
		"shop.webhooks.allowed-networks=127.0.0.0/8", "shop.webhooks.retry-schedule=200ms,200ms,1s",
		"shop.webhooks.jitter=0", "shop.webhooks.poll-interval=500ms", "shop.live.heartbeat-interval=200ms",
		"shop.live.heartbeat-timeout=2s", "shop.live.send-timeout=1s", "shop.live.queue-limit=64",
		"shop.live.snapshot-retry=200ms", "shop.webhooks.secret-key=" + NotificationServiceTest.SECRET_KEY })
public abstract class NotificationServiceTest {

	/** The key that encrypts webhook secrets at rest in the tests. */
	protected static final String SECRET_KEY = "c2hvcC10ZXN0LXdlYmhvb2stc2VjcmV0LWtleS0zMmI=";

	private static final int SMTP_PORT = freePort();

	@RegisterExtension
	protected static final GreenMailExtension smtp = new GreenMailExtension(
			new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
		.withPerMethodLifecycle(false);

	/**
	 * Before any test puts an event on it, with the partitions the service would give it.
	 */
	@BeforeAll
	static void ordersTopic() throws Exception {
		try (Admin admin = Admin
			.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.kafkaBootstrapServers()))) {
			admin.createTopics(List.of(new NewTopic(Topics.ORDERS, 3, (short) 1))).all().get();
		}
		catch (ExecutionException ex) {
			if (!(ex.getCause() instanceof TopicExistsException)) {
				throw ex;
			}
		}
	}

	@DynamicPropertySource
	static void smtpServer(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> SMTP_PORT);
	}

	protected static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
