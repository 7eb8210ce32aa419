package com.shop.notification.live;

import java.time.Duration;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
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

	/**
	 * A factory bean is instantiated early, to learn its type, before the settings record
	 * exists or placeholders resolve: hence the one setting it needs, bound by hand.
	 */
	@Bean
	static ServletServerContainerFactoryBean webSocketContainer(Environment environment) {
		Duration sendTimeout = Binder.get(environment)
			.bind("shop.live.send-timeout", Duration.class)
			.orElse(Duration.ofSeconds(5));
		ServletServerContainerFactoryBean container = new ServletServerContainerFactoryBean();
		container.setMaxTextMessageBufferSize(INBOUND_BUFFER);
		container.setMaxBinaryMessageBufferSize(INBOUND_BUFFER);
		// the container itself fails a send that takes longer, and drops the connection
		container.setAsyncSendTimeout(sendTimeout.toMillis());
		// liveness is the heartbeat's job
		container.setMaxSessionIdleTimeout(0L);
		return container;
	}

}
