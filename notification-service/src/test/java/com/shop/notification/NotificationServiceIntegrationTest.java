package com.shop.notification;

import static com.shop.testsupport.TopicRecorder.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import com.shop.events.CancellationReason;
import com.shop.events.Channel;
import com.shop.events.Envelope;
import com.shop.events.EventJson;
import com.shop.events.EventType;
import com.shop.events.Money;
import com.shop.events.NotificationSent;
import com.shop.events.OrderCancelled;
import com.shop.events.OrderConfirmed;
import com.shop.events.OrderLine;
import com.shop.events.OrderPlaced;
import com.shop.events.Topics;
import com.shop.testsupport.TestEvents;
import com.shop.testsupport.TopicRecorder;
import com.shop.testsupport.TestAdmin;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * notification-service as it runs, against real Kafka and PostgreSQL and a GreenMail SMTP
 * server: order events in, e-mails, records and NotificationSent events out.
 */
@ExtendWith(OutputCaptureExtension.class)
class NotificationServiceIntegrationTest extends NotificationServiceTest {

	private static final Instant PLACED_AT = Instant.parse("2025-03-01T10:15:30Z");

	private static TestEvents orders;

	private static TopicRecorder topics;

	@LocalServerPort
	int port;

	private RestTestClient rest;

	@BeforeAll
	static void ordersTopicAndProducer() throws Exception {
		orders = new TestEvents();
	}

	/** After the application has created its topics, so the recorder sees them all. */
	@BeforeEach
	void setUp() {
		if (topics == null) {
			topics = TopicRecorder.record(Topics.NOTIFICATIONS, Topics.deadLetter(Topics.ORDERS));
		}
		this.rest = RestTestClient.bindToServer().baseUrl("http://localhost:" + this.port).build();
	}

	@AfterAll
	static void close() {
		orders.close();
		if (topics != null) {
			topics.close();
		}
	}

	@Test
	void placedOrderIsAcknowledgedByMailRecordedAndAnnounced() throws Exception {
		UUID orderId = UUID.randomUUID();
		String email = customer();

		orders.send(placed(orderId, email));

		MimeMessage mail = awaitMail(orderId, "We have received your order");
		assertThat(mail.getAllRecipients()).extracting(Object::toString).containsExactly(email);
		assertThat(mail.getFrom()).extracting(Object::toString).containsExactly("orders@shop.example");
		assertThat(body(mail)).contains("Order:  " + orderId, "Placed: 2025-03-01 10:15 UTC", "Total:  24.98 EUR")
			.containsPattern("2 x SKU-1 +at 9.99 EUR = 19.98 EUR")
			.containsPattern("1 x SKU-2 +at 5.00 EUR = 5.00 EUR");
		// the notification is recorded with its NotificationSent after the mail is out
		ConsumerRecord<String, byte[]> sent = awaitNotificationsSent(orderId, 1).get(0);
		List<NotificationJson> notifications = notificationsOf(orderId);
		assertThat(notifications).singleElement().satisfies((notification) -> {
			assertThat(notification.orderId()).isEqualTo(orderId);
			assertThat(notification.channel()).isEqualTo("EMAIL");
			assertThat(notification.recipient()).isEqualTo(email);
			assertThat(notification.template()).isEqualTo("order-received");
			assertThat(notification.status()).isEqualTo("SENT");
			assertThat(notification.createdAt()).isNotNull();
		});
		assertThat(EventJson.read(sent.value(), NotificationSent.class))
			.isEqualTo(new NotificationSent(orderId, Channel.EMAIL, email, "order-received"));
		assertThat(header(sent, "ce_specversion")).isEqualTo("1.0");
		assertThat(header(sent, "ce_type")).isEqualTo("shop.notification.sent.v1");
		assertThat(header(sent, "ce_source")).isEqualTo("/notification-service");
		assertThat(header(sent, "ce_subject")).isEqualTo(orderId.toString());
		assertThat(UUID.fromString(header(sent, "ce_id"))).isNotNull();
		assertThat(Instant.parse(header(sent, "ce_time"))).isNotNull();
		assertThat(header(sent, "content-type")).isEqualTo("application/json");
		assertThat(header(sent, "traceparent")).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
	}

	@Test
	void confirmedOrderGetsItsMail() throws Exception {
		UUID orderId = UUID.randomUUID();
		orders.send(placed(orderId, customer()));
		orders.send(new OrderConfirmed(orderId, UUID.randomUUID(), Instant.now()));

		MimeMessage mail = awaitMail(orderId, "Your order " + orderId + " is confirmed");
		assertThat(body(mail)).contains("your order is confirmed", "Order:  " + orderId, "Total:  24.98 EUR")
			.containsPattern("2 x SKU-1 +at 9.99 EUR = 19.98 EUR");
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(notificationsOf(orderId)).extracting(NotificationJson::template)
				.containsExactly("order-received", "order-confirmed"));
		assertThat(awaitNotificationsSent(orderId, 2)).hasSize(2);
	}

	@Test
	void cancelledOrderGetsItsMailWithTheReason() throws Exception {
		UUID orderId = UUID.randomUUID();
		orders.send(placed(orderId, customer()));
		orders.send(new OrderCancelled(orderId, CancellationReason.OUT_OF_STOCK, "SKU-1: 2 requested, 1 available",
				Instant.now()));

		MimeMessage mail = awaitMail(orderId, "Your order " + orderId + " was cancelled");
		assertThat(body(mail))
			.contains("cancelled because some items are out of stock.", "SKU-1: 2 requested, 1 available",
					"Order:  " + orderId, "Total:  24.98 EUR")
			.containsPattern("1 x SKU-2 +at 5.00 EUR = 5.00 EUR");
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(notificationsOf(orderId)).extracting(NotificationJson::template)
				.containsExactly("order-received", "order-cancelled"));
	}

	@Test
	void redeliveredOrReemittedEventSendsNoSecondMail() {
		UUID orderId = UUID.randomUUID();
		OrderPlaced placed = placed(orderId, customer());
		Envelope first = orders.send(placed);
		orders.send(first, placed);
		orders.send(placed);
		// the same order's events are handled in order: once this mail is out, so are the
		// copies before it
		orders.send(new OrderConfirmed(orderId, UUID.randomUUID(), Instant.now()));

		awaitMail(orderId, "is confirmed");
		assertThat(mailsAbout(orderId)).extracting(MimeMessage::getSubject)
			.containsExactlyInAnyOrder("We have received your order " + orderId,
					"Your order " + orderId + " is confirmed");
		// each notification is recorded with its NotificationSent after its mail is out
		assertThat(awaitNotificationsSent(orderId, 2)).hasSize(2);
		assertThat(notificationsOf(orderId)).hasSize(2);
	}

	@Test
	void confirmationOfUnknownOrderIsSkippedWithoutBlockingItsPartition() {
		UUID unknown = UUID.randomUUID();
		UUID later = UUID.randomUUID();
		orders.send(new OrderConfirmed(unknown, UUID.randomUUID(), Instant.now()));
		// keyed like the unknown order's event, so that it follows it on its partition
		orders.send(Topics.ORDERS, unknown.toString(),
				Envelope.create("/test", EventType.ORDER_PLACED, later.toString(), null).toHeaders(),
				EventJson.write(placed(later, customer())));

		awaitMail(later, "We have received your order");
		assertThat(mailsAbout(unknown)).isEmpty();
		assertThat(notificationsOf(unknown)).isEmpty();
		assertThat(topics.withKey(unknown.toString())).isEmpty();
	}

	@Test
	void unreadableEventGoesToTheDeadLetterTopic() {
		UUID orderId = UUID.randomUUID();
		orders.send(Topics.ORDERS, orderId.toString(),
				Envelope.create("/test", EventType.ORDER_PLACED, orderId.toString(), null).toHeaders(),
				"{\"orderId\": not json".getBytes(StandardCharsets.UTF_8));

		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(topics.withKey(orderId.toString())).singleElement()
				.satisfies((dead) -> assertThat(dead.topic()).isEqualTo("orders.DLT")));
		ConsumerRecord<String, byte[]> dead = topics.withKey(orderId.toString()).get(0);
		assertThat(header(dead, "kafka_dlt-exception-message")).contains("not a valid OrderPlaced");
		assertThat(notificationsOf(orderId)).isEmpty();
		// counted once the broker has acknowledged the dead letter
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(prometheus())
				.containsPattern("shop_events_dead_lettered_total\\{topic=\"orders\"} [1-9]"));
	}

	@Test
	void failingSmtpServerIsRecordedAndRetriedUntilTheMailIsSent(CapturedOutput output) {
		UUID orderId = UUID.randomUUID();
		String email = customer();
		smtp.stop();
		try {
			orders.send(placed(orderId, email));
			await().atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat(notificationsOf(orderId)).extracting(NotificationJson::status)
					.containsExactly("FAILED"));
		}
		finally {
			smtp.start();
		}

		awaitMail(orderId, "We have received your order");
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(notificationsOf(orderId)).extracting(NotificationJson::status)
				.containsExactly("SENT"));
		assertThat(awaitNotificationsSent(orderId, 1)).hasSize(1);
		// the failure was logged, with the address masked
		assertThat(output).contains("to c***@example.com failed").doesNotContain(email);
		assertThat(mailsAbout(orderId)).hasSize(1);
		assertThat(prometheus()).containsPattern("shop_notifications_failed_total\\{channel=\"EMAIL\"} [1-9]")
			.containsPattern("shop_notifications_sent_total\\{channel=\"EMAIL\",template=\"order-received\"} [1-9]");
	}

	@Test
	void listingNeedsAValidOrderIdOrShowsTheLatest() {
		UUID orderId = UUID.randomUUID();
		orders.send(placed(orderId, customer()));
		awaitMail(orderId, "We have received your order");

		this.rest.get()
			.uri("/api/notifications?orderId=not-a-uuid")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(400);
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			List<NotificationJson> latest = notifications("/api/notifications");
			assertThat(latest).hasSizeLessThanOrEqualTo(100).extracting(NotificationJson::orderId).contains(orderId);
			assertThat(latest).extracting(NotificationJson::createdAt).isSorted();
		});
	}

	private static OrderPlaced placed(UUID orderId, String email) {
		return new OrderPlaced(orderId, "customer-1", email,
				List.of(new OrderLine("SKU-1", 2, Money.of("9.99", "EUR")),
						new OrderLine("SKU-2", 1, Money.of("5.00", "EUR"))),
				Money.of("24.98", "EUR"), "tok_visa", PLACED_AT);
	}

	private static String customer() {
		return "customer-" + UUID.randomUUID() + "@example.com";
	}

	private static List<MimeMessage> mailsAbout(UUID orderId) {
		return Arrays.stream(smtp.getReceivedMessages())
			.filter((mail) -> subject(mail).contains(orderId.toString()))
			.toList();
	}

	private static MimeMessage awaitMail(UUID orderId, String subject) {
		return await().atMost(Duration.ofSeconds(10))
			.until(() -> mailsAbout(orderId).stream().filter((mail) -> subject(mail).contains(subject)).findFirst(),
					(found) -> found.isPresent())
			.get();
	}

	private static String subject(MimeMessage mail) {
		try {
			return mail.getSubject();
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String body(MimeMessage mail) throws IOException, MessagingException {
		return ((String) mail.getContent()).replace("\r\n", "\n");
	}

	private static List<ConsumerRecord<String, byte[]>> awaitNotificationsSent(UUID orderId, int count) {
		return await().atMost(Duration.ofSeconds(10))
			.until(() -> topics.withKey(orderId.toString()), (records) -> records.size() >= count);
	}

	private List<NotificationJson> notificationsOf(UUID orderId) {
		return notifications("/api/notifications?orderId={orderId}", orderId);
	}

	private List<NotificationJson> notifications(String uri, Object... uriVariables) {
		return List.of(this.rest.get()
			.uri(uri, uriVariables)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(NotificationJson[].class)
			.returnResult()
			.getResponseBody());
	}

	private String prometheus() {
		return this.rest.get()
			.uri("/actuator/prometheus")
			.header("Authorization", TestAdmin.authorization())
			.accept(MediaType.TEXT_PLAIN)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
	}

	/** A notification as the API returns it. */
	record NotificationJson(UUID id, UUID orderId, String channel, String recipient, String template, String status,
			Instant createdAt) {
	}

}
