package com.shop.notification.live;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits of the WebSocket live status ({@code shop.live.*}).
 *
 * @param heartbeatInterval how often an idle connection is pinged
 * @param heartbeatTimeout how long a connection may stay silent (no pong, no frame)
 * before it is closed as dead
 * @param sendTimeout how long one message may take to leave before the client is closed
 * as too slow
 * @param queueLimit messages waiting per connection behind the one being sent; one more
 * closes the connection as too slow
 * @param maxSessions connections per instance; beyond, the handshake answers 503
 * @param snapshotRetry when an order is not in the projection yet at subscription, how
 * long to wait before reading it once more
 * @param recentOrders how many recently changed orders this instance remembers the latest
 * update of, for subscribers that arrive while the projection still lags behind
 * @param allowedOrigins origin patterns browsers may connect from; an order's status is
 * as public as {@code GET /api/orders/{id}}, its unguessable id is the secret
 */
@ConfigurationProperties("shop.live")
record LiveSettings(@DefaultValue("20s") Duration heartbeatInterval, @DefaultValue("60s") Duration heartbeatTimeout,
		@DefaultValue("5s") Duration sendTimeout, @DefaultValue("64") int queueLimit,
		@DefaultValue("10000") int maxSessions, @DefaultValue("1s") Duration snapshotRetry,
		@DefaultValue("10000") int recentOrders, @DefaultValue("*") List<String> allowedOrigins) {

}
