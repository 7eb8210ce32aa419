package com.shop.notification.live;

import java.util.UUID;

import jakarta.websocket.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.adapter.NativeWebSocketSession;

/**
 * {@code /ws/orders/{orderId}}: sends the order's current status from the projection,
 * then every change the live listener sees. Clients have nothing to say; their frames
 * only count as signs of life. An order not known yet (the projection lags behind the 202
 * of its placement) is read once more after a short delay; if it is still unknown the
 * connection stays open, and its first live event will be its first message.
 */
@Component
class OrderStatusSocket implements WebSocketHandler {

	private static final Logger log = LoggerFactory.getLogger(OrderStatusSocket.class);

	static final String SESSION = LiveSession.class.getName();

	private final LiveOrderStatus live;

	private final OrderStatusProjection projection;

	private final LiveSettings settings;

	OrderStatusSocket(LiveOrderStatus live, OrderStatusProjection projection, LiveSettings settings) {
		this.live = live;
		this.projection = projection;
		this.settings = settings;
	}

	@Override
	public void afterConnectionEstablished(WebSocketSession webSocket) throws Exception {
		if (this.live.isFull()) {
			// the handshake checks too; this only catches a race of simultaneous
			// handshakes
			webSocket.close(CloseStatus.SERVICE_OVERLOAD.withReason("too many connections"));
			return;
		}
		UUID orderId = (UUID) webSocket.getAttributes().get(OrderIdHandshake.ORDER_ID);
		configure(webSocket);
		LiveSession session = this.live.register(webSocket, orderId);
		webSocket.getAttributes().put(SESSION, session);
		OrderStatusUpdate snapshot = snapshot(orderId);
		if (snapshot != null) {
			this.live.start(session, snapshot);
			return;
		}
		// not known yet: live updates flow at once, and the projection is read once more
		this.live.start(session, null);
		this.live.later(() -> {
			OrderStatusUpdate later = snapshot(orderId);
			if (later != null) {
				this.live.deliver(session, later);
			}
			else {
				log.debug("Order {} is not known yet; waiting for its events", orderId);
			}
		});
	}

	private void configure(WebSocketSession webSocket) {
		// bounds the wait of a heartbeat ping when the socket cannot take it
		long blockingTimeout = Math.min(this.settings.sendTimeout().toMillis(),
				this.settings.heartbeatInterval().toMillis());
		((NativeWebSocketSession) webSocket).getNativeSession(Session.class)
			.getUserProperties()
			.put("org.apache.tomcat.websocket.BLOCKING_SEND_TIMEOUT", blockingTimeout);
	}

	/** The newer of the projection's state and the last update seen live, if any. */
	private OrderStatusUpdate snapshot(UUID orderId) {
		OrderStatusUpdate newest = this.projection.current(orderId).orElse(null);
		OrderStatusUpdate recent = this.live.recent(orderId);
		if (recent != null) {
			OrderStatusUpdate newer = recent.after(newest);
			newest = (newer != null) ? newer : newest;
		}
		return newest;
	}

	@Override
	public void handleMessage(WebSocketSession webSocket, WebSocketMessage<?> message) {
		LiveSession session = session(webSocket);
		if (session != null) {
			session.heard();
		}
	}

	@Override
	public void handleTransportError(WebSocketSession webSocket, Throwable exception) {
		log.debug("Live-status connection {} failed: {}", webSocket.getId(), exception.toString());
	}

	@Override
	public void afterConnectionClosed(WebSocketSession webSocket, CloseStatus closeStatus) {
		log.debug("Live-status connection {} closed: {}", webSocket.getId(), closeStatus);
		LiveSession session = session(webSocket);
		if (session != null) {
			this.live.closed(session);
		}
	}

	@Override
	public boolean supportsPartialMessages() {
		return false;
	}

	private static LiveSession session(WebSocketSession webSocket) {
		return (LiveSession) webSocket.getAttributes().get(SESSION);
	}

}
