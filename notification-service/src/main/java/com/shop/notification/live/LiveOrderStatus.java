package com.shop.notification.live;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketSession;

/**
 * The WebSocket subscribers of this instance, by order, and the one scheduler that keeps
 * them honest: every heartbeat interval it pings idle connections, closes those silent
 * longer than the heartbeat timeout (dead) and those whose message has been on its way
 * longer than the send timeout (slow). Closing happens on that scheduler too, never on
 * the thread that publishes, so a bad client cannot hold up the Kafka consumer or the
 * others.
 * <p>
 * Meters: {@code shop.live.sessions} (open connections), {@code shop.live.pushed}
 * (messages sent), {@code shop.live.closed} (by reason: slow, dead, error, client,
 * shutdown).
 */
@Component
class LiveOrderStatus implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(LiveOrderStatus.class);

	private static final CloseStatus TOO_SLOW = CloseStatus.POLICY_VIOLATION.withReason("client too slow");

	private static final CloseStatus NO_HEARTBEAT = CloseStatus.POLICY_VIOLATION.withReason("no heartbeat");

	private final Map<UUID, Set<LiveSession>> byOrder = new ConcurrentHashMap<>();

	private final AtomicInteger count = new AtomicInteger();

	private final Map<UUID, OrderStatusUpdate> recent;

	private long lastHeartbeatNanos = System.nanoTime();

	private final LiveSettings settings;

	private final ScheduledExecutorService scheduler;

	private final MeterRegistry meters;

	private final Counter pushed;

	LiveOrderStatus(LiveSettings settings, MeterRegistry meters) {
		this.settings = settings;
		this.meters = meters;
		int recentOrders = settings.recentOrders();
		this.recent = new LinkedHashMap<>(256, 0.75f, false) {
			@Override
			protected boolean removeEldestEntry(Map.Entry<UUID, OrderStatusUpdate> eldest) {
				return size() > recentOrders;
			}
		};
		this.scheduler = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "live-heartbeat");
			thread.setDaemon(true);
			return thread;
		});
		long interval = settings.heartbeatInterval().toMillis();
		this.scheduler.scheduleWithFixedDelay(this::heartbeat, interval, interval, TimeUnit.MILLISECONDS);
		Gauge.builder("shop.live.sessions", this.count, AtomicInteger::get)
			.description("Open WebSocket live-status connections on this instance")
			.register(meters);
		this.pushed = Counter.builder("shop.live.pushed")
			.description("Order status messages sent to WebSocket subscribers")
			.register(meters);
	}

	boolean isFull() {
		return this.count.get() >= this.settings.maxSessions();
	}

	int sessions() {
		return this.count.get();
	}

	/** Counted from the registry itself, to check {@link #sessions()}. */
	int registered() {
		return this.byOrder.values().stream().mapToInt(Set::size).sum();
	}

	int sessions(UUID orderId) {
		Set<LiveSession> sessions = this.byOrder.get(orderId);
		return (sessions != null) ? sessions.size() : 0;
	}

	/** Registers first, so that no update published from now on is missed. */
	LiveSession register(WebSocketSession webSocket, UUID orderId) {
		LiveSession session = new LiveSession(webSocket, orderId, this, this.settings.queueLimit());
		// inside compute, so a concurrent removal of the order's last session cannot
		// drop the set this one joins
		this.byOrder.compute(orderId, (id, sessions) -> {
			Set<LiveSession> joined = (sessions != null) ? sessions : ConcurrentHashMap.newKeySet();
			joined.add(session);
			return joined;
		});
		this.count.incrementAndGet();
		return session;
	}

	/**
	 * The latest update this instance saw for the order, if it changed recently. The live
	 * path is usually ahead of the projection (which commits after the e-mail is out), so
	 * a subscriber arriving in between gets this as well as the snapshot.
	 */
	OrderStatusUpdate recent(UUID orderId) {
		synchronized (this.recent) {
			return this.recent.get(orderId);
		}
	}

	/** Sends the update to every subscriber of its order on this instance. */
	void publish(OrderStatusUpdate update) {
		OrderStatusUpdate next;
		synchronized (this.recent) {
			next = update.after(this.recent.get(update.orderId()));
			if (next == null) {
				// a redelivery or a late event: no subscriber needs it
				return;
			}
			this.recent.put(update.orderId(), next);
		}
		Set<LiveSession> sessions = this.byOrder.get(update.orderId());
		if (sessions == null) {
			return;
		}
		for (LiveSession session : sessions) {
			deliver(session, next);
		}
	}

	/** Sends the update to one subscriber, closing it if it cannot keep up. */
	void deliver(LiveSession session, OrderStatusUpdate update) {
		if (!session.offer(update)) {
			close(session, "slow", TOO_SLOW);
		}
	}

	/**
	 * Sends the subscriber its snapshot, or nothing if there is none, and from then on
	 * every update: those that arrived meanwhile were held, to be judged against it.
	 */
	void start(LiveSession session, OrderStatusUpdate snapshot) {
		if (!session.start(snapshot)) {
			close(session, "slow", TOO_SLOW);
		}
	}

	/** Runs a task (a snapshot re-read) on the scheduler, after a delay. */
	void later(Runnable task) {
		this.scheduler.schedule(task, this.settings.snapshotRetry().toMillis(), TimeUnit.MILLISECONDS);
	}

	void pushed() {
		this.pushed.increment();
	}

	void sendFailed(LiveSession session, Throwable ex) {
		boolean timedOut = ex instanceof SocketTimeoutException || ex.getCause() instanceof SocketTimeoutException;
		log.debug("Send to {} failed: {}", session.webSocket().getId(), ex.toString());
		close(session, timedOut ? "slow" : "error", timedOut ? TOO_SLOW : CloseStatus.SERVER_ERROR);
	}

	/** The connection closed (by the client, or after {@link #close}). */
	void closed(LiveSession session) {
		if (remove(session)) {
			closedFor("client");
		}
	}

	/** Forgets the session at once; the close frame goes out on the scheduler. */
	void close(LiveSession session, String reason, CloseStatus status) {
		if (!remove(session)) {
			return;
		}
		closedFor(reason);
		log.info("Closing live-status connection {} of order {}: {}", session.webSocket().getId(), session.orderId(),
				reason);
		this.scheduler.execute(() -> closeNow(session, status));
	}

	private boolean remove(LiveSession session) {
		if (!session.markClosed()) {
			return false;
		}
		this.byOrder.computeIfPresent(session.orderId(), (id, sessions) -> {
			sessions.remove(session);
			return sessions.isEmpty() ? null : sessions;
		});
		this.count.decrementAndGet();
		return true;
	}

	private void closedFor(String reason) {
		Counter.builder("shop.live.closed")
			.description("WebSocket live-status connections closed, by reason")
			.tag("reason", reason)
			.register(this.meters)
			.increment();
	}

	/**
	 * A non-normal close code makes Tomcat wait only briefly (50 ms) for the close frame
	 * of a connection that cannot take it before it drops the socket.
	 */
	private static void closeNow(LiveSession session, CloseStatus status) {
		try {
			session.webSocket().close(status);
		}
		catch (IOException | RuntimeException ex) {
			log.debug("Closing {} failed: {}", session.webSocket().getId(), ex.toString());
		}
	}

	private void heartbeat() {
		long now = System.nanoTime();
		// after a pause of this process (a long GC) nobody could have answered: ping
		// only, and judge silence from the next tick on
		boolean paused = now - this.lastHeartbeatNanos > 2 * this.settings.heartbeatInterval().toNanos();
		this.lastHeartbeatNanos = now;
		long timeout = paused ? Long.MAX_VALUE : this.settings.heartbeatTimeout().toNanos();
		long sendTimeout = this.settings.sendTimeout().toNanos();
		for (Set<LiveSession> sessions : this.byOrder.values()) {
			for (LiveSession session : sessions) {
				try {
					// a connection with a message on its way is judged by the send
					// timeout
					long sending = session.sendingNanos(now);
					if (sending > sendTimeout) {
						close(session, "slow", TOO_SLOW);
					}
					else if (sending == 0 && session.silentNanos(now) > timeout) {
						close(session, "dead", NO_HEARTBEAT);
					}
					else {
						session.ping();
					}
				}
				catch (IOException | RuntimeException ex) {
					close(session, "dead", NO_HEARTBEAT);
				}
			}
		}
	}

	@Override
	public void destroy() {
		for (Set<LiveSession> sessions : this.byOrder.values()) {
			for (LiveSession session : sessions) {
				if (remove(session)) {
					closedFor("shutdown");
					closeNow(session, CloseStatus.GOING_AWAY);
				}
			}
		}
		this.scheduler.shutdownNow();
	}

}
