package com.shop.payment;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import com.shop.events.Envelope;
import com.shop.events.EventJson;
import com.shop.events.EventType;
import com.shop.events.Money;
import com.shop.events.PaymentCompleted;
import com.shop.events.PaymentFailed;
import com.shop.events.PaymentFailureReason;
import com.shop.events.PaymentRefunded;
import com.shop.events.PaymentRequested;
import com.shop.events.RefundRequested;
import com.shop.events.Topics;
import com.shop.testsupport.Infrastructure;
import com.shop.testsupport.IntegrationTest;
import com.shop.testsupport.TestEvents;
import com.shop.testsupport.TopicRecorder;
import com.shop.testsupport.TestAdmin;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.test.web.servlet.client.RestTestClient;

import static com.shop.testsupport.TopicRecorder.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * payment-service as it runs, against a real Kafka broker and PostgreSQL: order events in
 * on {@code orders}, payment events out on {@code payments}, payments over HTTP. This is
 * the module's only Spring context; it is closed after the class, while the shared
 * PostgreSQL and broker still run, because at JVM exit their shutdown hooks race the
 * context's and the outbox relay's last drain then waits 30 s for a connection.
 */
@IntegrationTest
class PaymentServiceIntegrationTest {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

	private static TestEvents orders;

	private static TopicRecorder payments;

	private static TopicRecorder deadLetters;

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	private RestTestClient http;

	/**
	 * Creates the topics as their writers would (orders is order-service's), so that
	 * nothing auto-creates them with another partition count.
	 */
	@BeforeAll
	static void startKafkaClients() throws Exception {
		String bootstrapServers = Infrastructure.kafkaBootstrapServers();
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
			for (String topic : List.of(Topics.ORDERS, Topics.deadLetter(Topics.ORDERS), Topics.PAYMENTS)) {
				try {
					admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
				}
				catch (ExecutionException ex) {
					if (!(ex.getCause() instanceof TopicExistsException)) {
						throw ex;
					}
				}
			}
		}
		orders = new TestEvents();
		payments = TopicRecorder.record(Topics.PAYMENTS);
		deadLetters = TopicRecorder.record(Topics.deadLetter(Topics.ORDERS));
	}

	@AfterAll
	static void stopKafkaClients() {
		orders.close();
		payments.close();
		deadLetters.close();
	}

	@BeforeEach
	void connect() {
		this.http = RestTestClient.bindToServer().baseUrl("http://localhost:" + this.port).build();
	}

	@Test
	void chargesAVisaCardAndPublishesPaymentCompleted() {
		UUID orderId = UUID.randomUUID();
		Envelope request = Envelope.create("/test", EventType.PAYMENT_REQUESTED, orderId.toString(),
				"00-" + TRACE_ID + "-00f067aa0ba902b7-01");
		orders.send(request, paymentRequested(orderId, "19.98", "tok_visa"));

		ConsumerRecord<String, byte[]> record = awaitOne(orderId, EventType.PAYMENT_COMPLETED);
		assertThat(header(record, Envelope.SPECVERSION)).isEqualTo("1.0");
		assertThat(UUID.fromString(header(record, Envelope.ID))).isNotEqualTo(request.id());
		assertThat(header(record, Envelope.SOURCE)).isEqualTo("/payment-service");
		assertThat(header(record, Envelope.SUBJECT)).isEqualTo(orderId.toString());
		assertThat(Instant.parse(header(record, Envelope.TIME))).isAfterOrEqualTo(request.time());
		assertThat(header(record, Envelope.CONTENT_TYPE)).isEqualTo("application/json");
		assertThat(header(record, Envelope.TRACEPARENT)).startsWith("00-" + TRACE_ID + "-")
			.isNotEqualTo(request.traceparent());
		PaymentCompleted completed = EventJson.read(record.value(), PaymentCompleted.class);
		assertThat(completed.amount()).isEqualTo(Money.of("19.98", "EUR"));

		paymentsOf(orderId).jsonPath("$.length()")
			.isEqualTo(1)
			.jsonPath("$[0].paymentId")
			.isEqualTo(completed.paymentId().toString())
			.jsonPath("$[0].orderId")
			.isEqualTo(orderId.toString())
			.jsonPath("$[0].status")
			.isEqualTo("COMPLETED")
			.jsonPath("$[0].amount.amount")
			.isEqualTo("19.98")
			.jsonPath("$[0].amount.currency")
			.isEqualTo("EUR")
			.jsonPath("$[0].reason")
			.doesNotExist()
			.jsonPath("$[0].createdAt")
			.value(String.class, (createdAt) -> assertThat(Instant.parse(createdAt)).isBefore(Instant.now()));
	}

	@Test
	void aDeclinedCardFailsThePaymentAsDeclined() {
		UUID orderId = UUID.randomUUID();
		orders.send(paymentRequested(orderId, "19.98", "tok_chargeDeclined"));

		PaymentFailed failed = EventJson.read(awaitOne(orderId, EventType.PAYMENT_FAILED).value(), PaymentFailed.class);
		assertThat(failed.reason()).isEqualTo(PaymentFailureReason.DECLINED);
		assertThat(failed.detail()).isNotBlank();
		paymentsOf(orderId).jsonPath("$[0].status").isEqualTo("FAILED").jsonPath("$[0].reason").isEqualTo("DECLINED");
	}

	@Test
	void anAmountAboveTheLimitFailsAsLimitExceeded() {
		UUID orderId = UUID.randomUUID();
		orders.send(paymentRequested(orderId, "10000.01", "tok_visa"));

		PaymentFailed failed = EventJson.read(awaitOne(orderId, EventType.PAYMENT_FAILED).value(), PaymentFailed.class);
		assertThat(failed.reason()).isEqualTo(PaymentFailureReason.LIMIT_EXCEEDED);
		paymentsOf(orderId).jsonPath("$[0].reason").isEqualTo("LIMIT_EXCEEDED");
	}

	@Test
	void chargesAnOrderOnceHoweverOftenPaymentIsRequested() {
		UUID orderId = UUID.randomUUID();
		PaymentRequested request = paymentRequested(orderId, "19.98", "tok_visa");
		Envelope first = orders.send(request);
		orders.send(first, request);
		Envelope again = orders.send(request);

		// the later request of the same order is consumed after the redelivery
		awaitHandled(again);
		await().during(Duration.ofMillis(500))
			.atMost(TIMEOUT)
			.until(() -> events(orderId, EventType.PAYMENT_COMPLETED).size() == 1);
		paymentsOf(orderId).jsonPath("$.length()").isEqualTo(1).jsonPath("$[0].status").isEqualTo("COMPLETED");
	}

	@Test
	void refundsACompletedPaymentOnce() {
		UUID orderId = UUID.randomUUID();
		orders.send(paymentRequested(orderId, "42.00", "tok_visa"));
		PaymentCompleted completed = EventJson.read(awaitOne(orderId, EventType.PAYMENT_COMPLETED).value(),
				PaymentCompleted.class);

		RefundRequested refund = new RefundRequested(orderId, completed.paymentId(), completed.amount(),
				"order cancelled");
		orders.send(refund);
		PaymentRefunded refunded = EventJson.read(awaitOne(orderId, EventType.PAYMENT_REFUNDED).value(),
				PaymentRefunded.class);
		assertThat(refunded.paymentId()).isEqualTo(completed.paymentId());
		assertThat(refunded.amount()).isEqualTo(Money.of("42.00", "EUR"));
		paymentsOf(orderId).jsonPath("$[0].status").isEqualTo("REFUNDED");

		awaitHandled(orders.send(refund));
		await().during(Duration.ofMillis(500))
			.atMost(TIMEOUT)
			.until(() -> events(orderId, EventType.PAYMENT_REFUNDED).size() == 1);
		paymentsOf(orderId).jsonPath("$.length()").isEqualTo(1).jsonPath("$[0].status").isEqualTo("REFUNDED");
	}

	@Test
	void aRecordThatIsNotJsonGoesToTheDeadLetterTopicWithoutBlockingItsKey() {
		UUID orderId = UUID.randomUUID();
		byte[] broken = "{not json".getBytes(StandardCharsets.UTF_8);
		orders.send(Topics.ORDERS, orderId.toString(),
				Envelope.create("/test", EventType.PAYMENT_REQUESTED, orderId.toString(), null).toHeaders(), broken);
		orders.send(paymentRequested(orderId, "19.98", "tok_visa"));

		ConsumerRecord<String, byte[]> dead = await().atMost(TIMEOUT)
			.until(() -> deadLetters.withKey(orderId.toString()), (records) -> !records.isEmpty())
			.get(0);
		assertThat(dead.value()).isEqualTo(broken);
		assertThat(header(dead, KafkaHeaders.DLT_ORIGINAL_TOPIC)).isEqualTo(Topics.ORDERS);
		assertThat(header(dead, KafkaHeaders.DLT_EXCEPTION_MESSAGE)).contains("not a valid PaymentRequested");
		assertThat(header(dead, KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN)).endsWith("MalformedEventException");
		awaitOne(orderId, EventType.PAYMENT_COMPLETED);
	}

	@Test
	void listsTheLatestPaymentsNewestFirst() {
		UUID older = UUID.randomUUID();
		orders.send(paymentRequested(older, "1.00", "tok_visa"));
		awaitOne(older, EventType.PAYMENT_COMPLETED);
		UUID newer = UUID.randomUUID();
		orders.send(paymentRequested(newer, "2.00", "tok_chargeDeclined"));
		awaitOne(newer, EventType.PAYMENT_FAILED);

		this.http.get()
			.uri("/api/payments")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$[*].orderId")
			.value(List.class, (orderIds) -> assertThat(orderIds.indexOf(newer.toString())).isNotNegative()
				.isLessThan(orderIds.indexOf(older.toString())));
	}

	@Test
	void anOrderWithoutPaymentHasAnEmptyList() {
		paymentsOf(UUID.randomUUID()).json("[]");
	}

	@Test
	void aMalformedOrderIdIsABadRequestProblem() {
		this.http.get()
			.uri("/api/payments?orderId=not-a-uuid")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(400)
			.jsonPath("$.detail")
			.value(String.class, (detail) -> assertThat(detail).contains("orderId"));
	}

	@Test
	void exposesHealthMetricsAndApiDocs() {
		this.http.get()
			.uri("/actuator/health/readiness")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("UP");
		this.http.get().uri("/actuator/prometheus").exchange().expectStatus().isUnauthorized();
		this.http.get()
			.uri("/actuator/prometheus")
			.header("Authorization", TestAdmin.authorization())
			.exchange()
			.expectStatus()
			.isOk();
		this.http.get()
			.uri("/v3/api-docs")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.paths['/api/payments']")
			.exists();
	}

	private RestTestClient.BodyContentSpec paymentsOf(UUID orderId) {
		return this.http.get()
			.uri("/api/payments?orderId={orderId}", orderId)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody();
	}

	private static PaymentRequested paymentRequested(UUID orderId, String amount, String paymentMethod) {
		return new PaymentRequested(orderId, "customer-1", Money.of(amount, "EUR"), paymentMethod);
	}

	private static List<ConsumerRecord<String, byte[]>> events(UUID orderId, EventType type) {
		return payments.records((record) -> orderId.toString().equals(record.key())
				&& type.typeName().equals(header(record, Envelope.TYPE)));
	}

	private static ConsumerRecord<String, byte[]> awaitOne(UUID orderId, EventType type) {
		return await().atMost(TIMEOUT).until(() -> events(orderId, type), (records) -> records.size() == 1).get(0);
	}

	/**
	 * Waits until the event is consumed, which means committed together with every change
	 * and event it caused, and those events are relayed, which means acknowledged by the
	 * broker, so the recorder is about to see them.
	 */
	private void awaitHandled(Envelope envelope) {
		await().atMost(TIMEOUT)
			.until(() -> this.jdbc.queryForObject("select count(*) from consumed_event where event_id = ?",
					Integer.class, envelope.id()) == 1);
		await().atMost(TIMEOUT)
			.until(() -> this.jdbc.queryForObject("select count(*) from outbox_event where subject = ?", Integer.class,
					envelope.subject()) == 0);
	}

}
