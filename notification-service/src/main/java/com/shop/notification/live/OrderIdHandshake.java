package com.shop.notification.live;

import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;

/**
 * Admits a subscription before the upgrade: the path must end in an order id (else
 * {@code 400}) and the instance must have room (else {@code 503}, so a client retries,
 * perhaps on another instance).
 */
class OrderIdHandshake implements HandshakeInterceptor {

	static final String ORDER_ID = "orderId";

	private final LiveOrderStatus live;

	OrderIdHandshake(LiveOrderStatus live) {
		this.live = live;
	}

	@Override
	public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
			Map<String, Object> attributes) {
		String path = request.getURI().getPath();
		UUID orderId = orderId(path.substring(path.lastIndexOf('/') + 1));
		if (orderId == null) {
			response.setStatusCode(HttpStatus.BAD_REQUEST);
			return false;
		}
		if (this.live.isFull()) {
			response.setStatusCode(HttpStatus.SERVICE_UNAVAILABLE);
			return false;
		}
		attributes.put(ORDER_ID, orderId);
		return true;
	}

	private static UUID orderId(String text) {
		try {
			UUID id = UUID.fromString(text);
			// UUID.fromString also takes shortened forms such as 1-1-1-1-1
			return id.toString().equalsIgnoreCase(text) ? id : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	@Override
	public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
			Exception exception) {
	}

}
