package com.shop.notification.live;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.server.standard.ServletServerContainerFactoryBean;

/**
 * Plain WebSocket (no STOMP, no SockJS) at {@code /ws/orders/{orderId}}, with small
 * per-connection buffers: clients send nothing but pongs, so a large inbound message is
 * refused by the container (close 1009) instead of buffered.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
class LiveWebSocketConfiguration implements WebSocketConfigurer {

	private static final int INBOUND_BUFFER = 1024;

	private final OrderStatusSocket socket;

	private final LiveOrderStatus live;

	private final LiveSettings settings;

	LiveWebSocketConfiguration(OrderStatusSocket socket, LiveOrderStatus live, LiveSettings settings) {
		this.socket = socket;
		this.live = live;
		this.settings = settings;
	}

	@Override
	public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
		registry.addHandler(this.socket, "/ws/orders/*")
			.addInterceptors(new OrderIdHandshake(this.live))
			.setAllowedOriginPatterns(this.settings.allowedOrigins().toArray(String[]::new));
	}

	@Bean
	static ServletServerContainerFactoryBean webSocketContainer(LiveSettings settings) {
		ServletServerContainerFactoryBean container = new ServletServerContainerFactoryBean();
		container.setMaxTextMessageBufferSize(INBOUND_BUFFER);
		container.setMaxBinaryMessageBufferSize(INBOUND_BUFFER);
		// the container itself fails a send that takes longer, and drops the connection
		container.setAsyncSendTimeout(settings.sendTimeout().toMillis());
		// liveness is the heartbeat's job
		container.setMaxSessionIdleTimeout(0L);
		return container;
	}

}
