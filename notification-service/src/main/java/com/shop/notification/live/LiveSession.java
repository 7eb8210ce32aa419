package com.shop.notification.live;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.UUID;

import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;

import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.adapter.NativeWebSocketSession;

/**
 * One subscriber's connection: at most one message on its way (sent with the container's
 * non-blocking send), a few more waiting, and the newest status accepted, so that nothing
 * older or repeated is ever sent after it. Holds no buffers of its own beyond the small
 * queue of JSON strings.
 */
final class LiveSession {

	private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);

	private final WebSocketSession session;

	private final RemoteEndpoint.Async remote;

	private final UUID orderId;

	private final LiveOrderStatus registry;

	private final int queueLimit;

	private ArrayDeque<String> queue;

	private OrderStatusUpdate latest;

	/**
	 * Until the snapshot is sent, live updates are held (the newest only), so that one
	 * older than the snapshot is never sent before it.
	 */
	private boolean started;

	private OrderStatusUpdate held;

	private boolean sending;

	private long sendStartedNanos;

	private volatile long lastHeardNanos = System.nanoTime();

	private volatile boolean closed;

	LiveSession(WebSocketSession session, UUID orderId, LiveOrderStatus registry, int queueLimit) {
		this.session = session;
		this.remote = ((NativeWebSocketSession) session).getNativeSession(Session.class).getAsyncRemote();
		this.orderId = orderId;
		this.registry = registry;
		this.queueLimit = queueLimit;
	}

	UUID orderId() {
		return this.orderId;
	}

	WebSocketSession webSocket() {
		return this.session;
	}

	/**
	 * Sends the update unless the client already has it or something newer. Never blocks:
	 * the send completes on the container's thread.
	 * @return {@code false} when the queue is full: the client is too slow
	 */
	boolean offer(OrderStatusUpdate update) {
		String text;
		synchronized (this) {
			if (this.closed) {
				return true;
			}
			if (!this.started) {
				OrderStatusUpdate newer = update.after(this.held);
				this.held = (newer != null) ? newer : this.held;
				return true;
			}
			OrderStatusUpdate next = update.after(this.latest);
			if (next == null) {
				return true;
			}
			this.latest = next;
			text = next.toJson();
			if (this.sending) {
				if (this.queue == null) {
					this.queue = new ArrayDeque<>(4);
				}
				if (this.queue.size() >= this.queueLimit) {
					return false;
				}
				this.queue.add(text);
				return true;
			}
			this.sending = true;
			this.sendStartedNanos = System.nanoTime();
		}
		send(text);
		return true;
	}

	private void send(String text) {
		try {
			this.remote.sendText(text, this::sent);
		}
		catch (RuntimeException ex) {
			sent(new SendResult(ex));
		}
	}

	private void sent(SendResult result) {
		if (!result.isOK()) {
			this.registry.sendFailed(this, result.getException());
			return;
		}
		this.registry.pushed();
		String next;
		synchronized (this) {
			next = (this.queue != null) ? this.queue.poll() : null;
			if (next == null || this.closed) {
				this.sending = false;
				this.queue = null;
				return;
			}
			this.sendStartedNanos = System.nanoTime();
		}
		send(next);
	}

	/**
	 * Sends the snapshot (if any), then what was held back while it was read.
	 * @return {@code false} when the queue is full
	 */
	boolean start(OrderStatusUpdate snapshot) {
		OrderStatusUpdate held;
		synchronized (this) {
			this.started = true;
			held = this.held;
			this.held = null;
		}
		return (snapshot == null || offer(snapshot)) && (held == null || offer(held));
	}

	/** Any frame from the client, a pong included, shows it is alive. */
	void heard() {
		this.lastHeardNanos = System.nanoTime();
	}

	long silentNanos(long now) {
		return now - this.lastHeardNanos;
	}

	/** How long the message on its way has been sending, or 0 when none is. */
	synchronized long sendingNanos(long now) {
		return this.sending ? now - this.sendStartedNanos : 0;
	}

	/**
	 * Pings the client unless a message is on its way (which shows liveness as well).
	 * Blocks at most the container's blocking send timeout set on the session, and only
	 * when the socket buffer is full.
	 */
	void ping() throws java.io.IOException {
		synchronized (this) {
			if (this.sending || this.closed) {
				return;
			}
		}
		this.remote.sendPing(EMPTY.duplicate());
	}

	/**
	 * @return whether this call closed it (the first one)
	 */
	boolean markClosed() {
		synchronized (this) {
			if (this.closed) {
				return false;
			}
			this.closed = true;
			this.queue = null;
			return true;
		}
	}

}
