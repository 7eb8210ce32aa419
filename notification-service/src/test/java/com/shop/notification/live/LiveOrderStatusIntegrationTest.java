package com.shop.notification.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.management.ObjectName;

import com.shop.events.CancellationReason;
import com.shop.events.Envelope;
import com.shop.events.EventJson;
import com.shop.events.EventType;
import com.shop.events.Money;
import com.shop.events.OrderCancelled;
import com.shop.events.OrderConfirmed;
import com.shop.events.OrderLine;
import com.shop.events.OrderPlaced;
import com.shop.events.PaymentRequested;
import com.shop.events.RefundRequested;
import com.shop.notification.NotificationServiceTest;
import com.shop.testsupport.Infrastructure;
import com.shop.testsupport.TestEvents;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * The WebSocket live status as it runs, against real Kafka and PostgreSQL, with the JDK's
 * WebSocket client: current state first, every change after, heartbeats, slow clients, a
 * thousand idle subscribers, and the store page. Short heartbeat and send timeouts keep
 * it fast.
 */
class LiveOrderStatusIntegrationTest extends NotificationServiceTest {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private static TestEvents orders;

	private static HttpClient http;

	@LocalServerPort
	int port;

	@Autowired
	LiveOrderStatus live;

	@Autowired
	OrderStatusProjection projection;

	@Autowired
	MeterRegistry meters;

	@Autowired
	KafkaListenerEndpointRegistry listeners;

	private final List<WebSocket> opened = new CopyOnWriteArrayList<>();

	@BeforeAll
	static void ordersTopicAndProducer() throws Exception {
		orders = new TestEvents();
		http = HttpClient.newHttpClient();
	}

	/**
	 * The live consumer starts at the latest offset: it must own its partitions first.
	 */
	@BeforeEach
	void liveConsumerIsAssigned() {
		MessageListenerContainer container = this.listeners.getListenerContainer(LiveOrdersListener.ID);
		await().atMost(WAIT)
			.until(() -> container.getAssignedPartitions() != null && container.getAssignedPartitions().size() == 3);
	}

	@AfterEach
	void closeClients() {
		this.opened.forEach(WebSocket::abort);
		this.opened.clear();
		await().atMost(WAIT).until(() -> this.live.sessions() == 0);
	}

	@AfterAll
	static void close() {
		orders.close();
	}

	@Test
	void lateSubscriberGetsTheCurrentStateFirst() throws Exception {
		UUID orderId = UUID.randomUUID();
		Envelope placed = orders.send(placed(orderId));
		awaitProjected(orderId, OrderStatus.PENDING);

		Client client = connect(orderId);

		JsonNode first = client.next();
		assertThat(first.get("orderId").asString()).isEqualTo(orderId.toString());
		assertThat(first.get("status").asString()).isEqualTo("PENDING");
		assertThat(first.get("type").asString()).isEqualTo("shop.order.placed.v1");
		assertThat(Instant.parse(first.get("occurredAt").asString()))
			.isEqualTo(placed.time().truncatedTo(ChronoUnit.MICROS));
		assertThat(first.has("cancellationReason")).isFalse();
	}

	@Test
	void everyChangeFollowsInOrderAndNothingMovesTheOrderBack() throws Exception {
		UUID orderId = UUID.randomUUID();
		orders.send(placed(orderId));
		awaitProjected(orderId, OrderStatus.PENDING);
		Client client = connect(orderId);
		assertThat(client.next().get("status").asString()).isEqualTo("PENDING");

		Envelope requested = orders.send(paymentRequested(orderId));
		assertThat(client.next().get("status").asString()).isEqualTo("RESERVED");
		orders.send(new OrderConfirmed(orderId, UUID.randomUUID(), Instant.now()));
		JsonNode confirmed = client.next();
		assertThat(confirmed.get("status").asString()).isEqualTo("CONFIRMED");
		assertThat(confirmed.get("type").asString()).isEqualTo("shop.order.confirmed.v1");

		// a redelivery, an older event and a late one of a lower state change nothing
		orders.send(requested, paymentRequested(orderId));
		orders.send(new Envelope(UUID.randomUUID(), "/test", EventType.ORDER_PLACED.typeName(),
				Instant.now().minus(1, ChronoUnit.HOURS), orderId.toString(), null), placed(orderId));
		orders.send(paymentRequested(orderId));
		orders.send(new OrderCancelled(orderId, CancellationReason.TIMEOUT, null, Instant.now()));
		Client late = connect(orderId);
		assertThat(late.next().get("status").asString()).isEqualTo("CONFIRMED");
		await().during(Duration.ofMillis(500)).atMost(WAIT).until(() -> client.received.isEmpty());
		assertThat(this.projection.current(orderId)).get()
			.extracting(OrderStatusUpdate::status)
			.isEqualTo(OrderStatus.CONFIRMED);
		// the per-instance group never commits, so the broker forgets it when the
		// instance leaves
		String group = this.listeners.getListenerContainer(LiveOrdersListener.ID).getGroupId();
		assertThat(group).startsWith("notification-service-live-");
		try (Admin admin = Admin
			.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.kafkaBootstrapServers()))) {
			assertThat(admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get()).isEmpty();
		}
	}

	@Test
	void cancellationCarriesItsReasonAndARefundKeepsIt() throws Exception {
		UUID orderId = UUID.randomUUID();
		orders.send(placed(orderId));
		awaitProjected(orderId, OrderStatus.PENDING);
		Client client = connect(orderId);
		assertThat(client.next().get("status").asString()).isEqualTo("PENDING");

		orders.send(new OrderCancelled(orderId, CancellationReason.PAYMENT_DECLINED, "declined", Instant.now()));
		JsonNode cancelled = client.next();
		assertThat(cancelled.get("status").asString()).isEqualTo("CANCELLED");
		assertThat(cancelled.get("cancellationReason").asString()).isEqualTo("PAYMENT_DECLINED");
		orders.send(new RefundRequested(orderId, UUID.randomUUID(), Money.of("24.98", "EUR"), "cancelled"));
		JsonNode refund = client.next();
		assertThat(refund.get("status").asString()).isEqualTo("CANCELLED");
		assertThat(refund.get("type").asString()).isEqualTo("shop.order.refund-requested.v1");
		assertThat(refund.get("cancellationReason").asString()).isEqualTo("PAYMENT_DECLINED");
		await().atMost(WAIT)
			.untilAsserted(() -> assertThat(this.projection.current(orderId)).get().satisfies((current) -> {
				assertThat(current.type()).isEqualTo("shop.order.refund-requested.v1");
				assertThat(current.cancellationReason()).isEqualTo("PAYMENT_DECLINED");
			}));
	}

	@Test
	void subscriberOfAnOrderNotProjectedYetGetsItsFirstEvent() throws Exception {
		UUID orderId = UUID.randomUUID();
		Client client = connect(orderId);
		await().atMost(WAIT).until(() -> this.live.sessions(orderId) == 1);

		orders.send(placed(orderId));

		assertThat(client.next().get("status").asString()).isEqualTo("PENDING");
		// the delayed re-read of the projection finds nothing newer to send
		await().during(Duration.ofMillis(500)).atMost(WAIT).until(() -> client.received.isEmpty());
	}

	@Test
	void silentClientIsClosedAsDeadWhileALiveOneStaysOpen() throws Exception {
		UUID orderId = UUID.randomUUID();
		double dead = closed("dead");
		// never asks for frames, so never answers a ping
		WebSocket mute = open(orderId, new WebSocket.Listener() {
			@Override
			public void onOpen(WebSocket webSocket) {
			}
		});
		Client alive = connect(orderId);
		await().atMost(WAIT).until(() -> this.live.sessions(orderId) == 2);

		await().atMost(Duration.ofSeconds(3)).until(() -> this.live.sessions(orderId) == 1);
		assertThat(closed("dead")).isEqualTo(dead + 1);
		// several heartbeat intervals and more than the timeout
		await().during(Duration.ofMillis(1500))
			.atMost(WAIT)
			.until(() -> this.live.sessions(orderId) == 1 && !alive.webSocket.isInputClosed());
		assertThat(mute).isNotNull();
	}

	@Test
	void slowClientIsClosedWithoutHoldingUpAFastOneOnTheSameOrder() throws Exception {
		UUID orderId = UUID.randomUUID();
		double slow = closed("slow");
		// never reads, so its socket buffers fill up, but shows it is alive
		WebSocket slowClient = open(orderId, new WebSocket.Listener() {
			@Override
			public void onOpen(WebSocket webSocket) {
			}
		});
		ScheduledExecutorService pongs = Executors.newSingleThreadScheduledExecutor();
		pongs.scheduleWithFixedDelay(() -> slowClient.sendPong(ByteBuffer.allocate(0)), 0, 100, TimeUnit.MILLISECONDS);
		Client fast = connect(orderId);
		await().atMost(WAIT).until(() -> this.live.sessions(orderId) == 2);
		String padding = "x".repeat(32 * 1024);
		Instant start = Instant.now();

		long began = System.nanoTime();
		int messages = 400;
		for (int i = 0; i < messages; i++) {
			this.live.publish(new OrderStatusUpdate(orderId, OrderStatus.PENDING, "test." + i + "." + padding,
					start.plusMillis(i), null));
			JsonNode received = fast.next();
			assertThat(received.get("type").asString()).startsWith("test." + i + ".");
		}
		long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began);

		try {
			await().atMost(Duration.ofSeconds(5)).until(() -> this.live.sessions(orderId) == 1);
		}
		finally {
			pongs.shutdownNow();
		}
		assertThat(closed("slow")).isEqualTo(slow + 1);
		System.out.printf("slow client: %d messages of 32 KiB reached the fast client in %d ms"
				+ " while the slow one was closed%n", messages, millis);
	}

	@Test
	void thousandIdleSubscribersGetTheirStateAndOneBroadcastEach() throws Exception {
		int connections = 1000;
		List<UUID> orderIds = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			UUID orderId = UUID.randomUUID();
			orders.send(placed(orderId));
			orderIds.add(orderId);
		}
		for (UUID orderId : orderIds) {
			awaitProjected(orderId, OrderStatus.PENDING);
		}
		long heapBefore = usedHeapAfterGc();
		Map<String, long[]> histogramBefore = histogram();
		long began = System.nanoTime();

		List<Client> clients = new ArrayList<>();
		for (int batch = 0; batch < connections; batch += 100) {
			List<CompletableFuture<Client>> opening = new ArrayList<>();
			for (int i = batch; i < batch + 100; i++) {
				opening.add(connectAsync(orderIds.get(i % orderIds.size())));
			}
			for (CompletableFuture<Client> client : opening) {
				clients.add(client.get(30, TimeUnit.SECONDS));
			}
		}
		for (Client client : clients) {
			assertThat(client.next().get("status").asString()).isEqualTo("PENDING");
		}
		long connectedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began);
		int sessions = this.live.sessions();
		int registered = this.live.registered();

		began = System.nanoTime();
		for (UUID orderId : orderIds) {
			orders.send(paymentRequested(orderId));
		}
		for (Client client : clients) {
			assertThat(client.next().get("status").asString()).isEqualTo("RESERVED");
		}
		long broadcastMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began);
		System.out.printf("sessions: counted %d, registered %d, closed so far %s%n", sessions, registered,
				this.meters.find("shop.live.closed")
					.counters()
					.stream()
					.map((counter) -> counter.getId().getTag("reason") + "=" + counter.count())
					.toList());
		assertThat(registered).isEqualTo(connections);
		long heapAfter = usedHeapAfterGc();
		Map<String, long[]> histogramAfter = histogram();
		report(connections, heapAfter - heapBefore, histogramBefore, histogramAfter, connectedMillis, broadcastMillis);
		this.opened.forEach(WebSocket::abort);
		await().atMost(WAIT).until(() -> this.live.registered() == 0);

		// the server side alone: raw sockets hold next to nothing on the client side
		long rawBefore = usedHeapAfterGc();
		ScheduledExecutorService pongs = Executors.newSingleThreadScheduledExecutor();
		double dead = closed("dead");
		try (RawClients raw = new RawClients()) {
			// answering from the first connection on: opening a thousand takes longer
			// than
			// the heartbeat timeout when the server's accept queue fills up
			pongs.scheduleWithFixedDelay(raw::keepAlive, 0, 100, TimeUnit.MILLISECONDS);
			raw.connect(this.port, orderIds, connections);
			// on a loaded machine a few may miss their pongs and be closed as dead
			// meanwhile
			await().atMost(WAIT).until(() -> this.live.registered() + (closed("dead") - dead) >= connections);
			long rawAfter = usedHeapAfterGc();
			int open = this.live.registered();
			System.out.printf(
					"server side alone: heap after GC grew by %d bytes with %d raw-socket clients open:"
							+ " %d bytes per idle connection (a raw client holds about 300 bytes of it)%n",
					rawAfter - rawBefore, open, (rawAfter - rawBefore) / Math.max(open, 1));
			assertThat(open).isGreaterThan(connections * 9 / 10);
		}
		finally {
			pongs.shutdownNow();
		}
	}

	@Test
	void handshakeWithoutAnOrderIdIsRefused() {
		assertThatThrownBy(() -> http.newWebSocketBuilder()
			.buildAsync(URI.create("ws://localhost:" + this.port + "/ws/orders/not-a-uuid"), new WebSocket.Listener() {
			})
			.join()).hasCauseInstanceOf(WebSocketHandshakeException.class)
			.satisfies((ex) -> assertThat(((WebSocketHandshakeException) ex.getCause()).getResponse().statusCode())
				.isEqualTo(400));
	}

	@Test
	void storePageAndItsSettingsAreServed() {
		RestTestClient rest = RestTestClient.bindToServer().baseUrl("http://localhost:" + this.port).build();
		rest.get()
			.uri("/api/page/config")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.orderServiceUrl")
			.isEqualTo("http://localhost:8080")
			.jsonPath("$.inventoryServiceUrl")
			.isEqualTo("http://localhost:8081");
		String page = rest.get()
			.uri("/")
			.accept(MediaType.TEXT_HTML)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(page).contains("id=\"place-order\"", "id=\"order-status\"", "id=\"catalog\"", "app.js");
		rest.get().uri("/app.js").exchange().expectStatus().isOk();
	}

	private void awaitProjected(UUID orderId, OrderStatus status) {
		await().atMost(WAIT)
			.untilAsserted(() -> assertThat(this.projection.current(orderId)).get()
				.extracting(OrderStatusUpdate::status)
				.isEqualTo(status));
	}

	private double closed(String reason) {
		var counter = this.meters.find("shop.live.closed").tag("reason", reason).counter();
		return (counter != null) ? counter.count() : 0;
	}

	private Client connect(UUID orderId) throws Exception {
		return connectAsync(orderId).get(10, TimeUnit.SECONDS);
	}

	private CompletableFuture<Client> connectAsync(UUID orderId) {
		Client client = new Client();
		return http.newWebSocketBuilder().buildAsync(uri(orderId), client).thenApply((webSocket) -> {
			this.opened.add(webSocket);
			return client;
		});
	}

	private WebSocket open(UUID orderId, WebSocket.Listener listener) throws Exception {
		WebSocket webSocket = http.newWebSocketBuilder().buildAsync(uri(orderId), listener).get(10, TimeUnit.SECONDS);
		this.opened.add(webSocket);
		return webSocket;
	}

	private URI uri(UUID orderId) {
		return URI.create("ws://localhost:" + this.port + "/ws/orders/" + orderId);
	}

	private static OrderPlaced placed(UUID orderId) {
		return new OrderPlaced(orderId, "customer-1", "live-" + orderId + "@example.com",
				List.of(new OrderLine("SKU-1", 2, Money.of("9.99", "EUR")),
						new OrderLine("SKU-2", 1, Money.of("5.00", "EUR"))),
				Money.of("24.98", "EUR"), "tok_visa", Instant.now());
	}

	private static PaymentRequested paymentRequested(UUID orderId) {
		return new PaymentRequested(orderId, "customer-1", Money.of("24.98", "EUR"), "tok_visa");
	}

	private static long usedHeapAfterGc() {
		for (int i = 0; i < 3; i++) {
			System.gc();
		}
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
	}

	/** Class name to {instances, bytes}, from a full-GC class histogram. */
	private static Map<String, long[]> histogram() throws Exception {
		String text = (String) ManagementFactory.getPlatformMBeanServer()
			.invoke(new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
					new Object[] { null }, new String[] { String[].class.getName() });
		Map<String, long[]> classes = new HashMap<>();
		for (String line : text.split("\n")) {
			String[] columns = line.trim().split("\\s+");
			if (columns.length >= 4 && columns[0].endsWith(":")) {
				classes.put(columns[3], new long[] { Long.parseLong(columns[1]), Long.parseLong(columns[2]) });
			}
		}
		return classes;
	}

	private static void report(int connections, long heapDelta, Map<String, long[]> before, Map<String, long[]> after,
			long connectedMillis, long broadcastMillis) {
		Map<String, Long> growth = new HashMap<>();
		after.forEach((name, counts) -> growth.put(name, counts[1] - before.getOrDefault(name, new long[2])[1]));
		long server = sum(growth, "org.apache.tomcat.", "org.apache.coyote.", "org.springframework.web.socket.",
				"com.shop.notification.live.", "jakarta.websocket.");
		long client = sum(growth, "jdk.internal.net.http.", "java.net.http.");
		long buffers = sum(growth, "[B", "[C", "java.nio.");
		StringBuilder out = new StringBuilder();
		out.append(String.format(
				"%d idle connections opened with their initial state in %d ms; one broadcast" + " to all in %d ms%n",
				connections, connectedMillis, broadcastMillis));
		out.append(String.format(
				"heap after GC grew by %d bytes: %d bytes per connection (server and client" + " side, same JVM)%n",
				heapDelta, heapDelta / connections));
		out.append(String.format(
				"of which per connection: server classes (Tomcat, Spring WebSocket, live) %d,"
						+ " JDK client classes %d, byte/char arrays and NIO buffers (both sides) %d%n",
				server / connections, client / connections, buffers / connections));
		out.append("largest growth by class:\n");
		growth.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Long>comparingByValue().reversed())
			.limit(20)
			.forEach((entry) -> out.append(String.format("  %10d  %s%n", entry.getValue(), entry.getKey())));
		System.out.print(out);
	}

	private static long sum(Map<String, Long> growth, String... prefixes) {
		long total = 0;
		for (Map.Entry<String, Long> entry : growth.entrySet()) {
			for (String prefix : prefixes) {
				if (entry.getKey().startsWith(prefix)) {
					total += entry.getValue();
					break;
				}
			}
		}
		return total;
	}

	/**
	 * Minimal WebSocket clients on plain non-blocking sockets, to measure what the server
	 * holds per connection: they discard what they receive and send unsolicited pongs (a
	 * heartbeat RFC 6455 allows) to stay alive.
	 */
	static final class RawClients implements AutoCloseable {

		private static final byte[] PONG = { (byte) 0x8A, (byte) 0x80, 1, 2, 3, 4 };

		private final List<java.nio.channels.SocketChannel> channels = new ArrayList<>();

		private final java.nio.ByteBuffer sink = ByteBuffer.allocate(64 * 1024);

		void connect(int port, List<UUID> orderIds, int connections) throws IOException {
			for (int i = 0; i < connections; i++) {
				java.nio.channels.SocketChannel channel = java.nio.channels.SocketChannel
					.open(new java.net.InetSocketAddress("localhost", port));
				channel.write(ByteBuffer.wrap(("GET /ws/orders/" + orderIds.get(i % orderIds.size())
						+ " HTTP/1.1\r\nHost: localhost:" + port + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
						+ "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
					.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
				channel.configureBlocking(false);
				synchronized (this) {
					this.channels.add(channel);
				}
			}
		}

		synchronized void keepAlive() {
			for (java.nio.channels.SocketChannel channel : this.channels) {
				try {
					do {
						this.sink.clear();
					}
					while (channel.read(this.sink) > 0);
					channel.write(ByteBuffer.wrap(PONG));
				}
				catch (IOException ex) {
					// closed by the server: nothing to keep alive
				}
			}
		}

		@Override
		public synchronized void close() throws IOException {
			for (java.nio.channels.SocketChannel channel : this.channels) {
				channel.close();
			}
		}

	}

	/** A well-behaved subscriber: reads every message and answers pings. */
	static final class Client implements WebSocket.Listener {

		final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();

		private final StringBuilder partial = new StringBuilder();

		volatile WebSocket webSocket;

		@Override
		public void onOpen(WebSocket webSocket) {
			this.webSocket = webSocket;
			webSocket.request(1);
		}

		@Override
		public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
			this.partial.append(data);
			if (last) {
				this.received.add(EventJson.mapper().readTree(this.partial.toString()));
				this.partial.setLength(0);
			}
			webSocket.request(1);
			return null;
		}

		JsonNode next() throws InterruptedException {
			JsonNode message = this.received.poll(10, TimeUnit.SECONDS);
			assertThat(message).as("a message within 10 s").isNotNull();
			return message;
		}

	}

}
