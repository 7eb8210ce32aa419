package com.shop.notification.webhook;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Webhook delivery settings ({@code shop.webhooks.*}).
 *
 * @param retrySchedule the delay before attempt 2, 3, ...; after the last one a delivery
 * fails
 * @param jitter the fraction by which each delay is randomly stretched or shortened, so
 * that retries of many deliveries spread out
 * @param connectTimeout how long a connection to a receiver may take
 * @param requestTimeout how long a receiver may take to answer
 * @param lease how long a claimed delivery belongs to the instance sending it; longer
 * than both timeouts, after it another instance takes the delivery over
 * @param threads how many deliveries are sent at once
 * @param perEndpointConcurrency how many deliveries to one endpoint are sent at once, so
 * that a slow endpoint cannot occupy every thread
 * @param pollInterval how often due deliveries are looked for when no commit signalled
 * new ones
 * @param rotationGrace how long the previous secret still signs after a rotation
 * @param allowedNetworks CIDRs that webhook targets may be in although they are private,
 * loopback and so on (for tests and trusted internal receivers)
 */
@ConfigurationProperties("shop.webhooks")
record WebhookSettings(@DefaultValue( {
		"5s", "5m", "30m", "2h", "5h", "10h", "10h" }) List<Duration> retrySchedule, @DefaultValue("0.2") double jitter,
		@DefaultValue("3s") Duration connectTimeout, @DefaultValue("10s") Duration requestTimeout,
		@DefaultValue("60s") Duration lease, @DefaultValue("8") int threads,
		@DefaultValue("2") int perEndpointConcurrency, @DefaultValue("1s") Duration pollInterval,
		@DefaultValue("24h") Duration rotationGrace, @DefaultValue List<String> allowedNetworks){

	WebhookSettings {
		if (retrySchedule.isEmpty()) {
			throw new IllegalArgumentException("shop.webhooks.retry-schedule needs at least one delay");
		}
		if (jitter < 0 || jitter >= 1) {
			throw new IllegalArgumentException("shop.webhooks.jitter must be in [0, 1)");
		}
		if (lease.compareTo(connectTimeout.plus(requestTimeout)) <= 0) {
			throw new IllegalArgumentException(
					"shop.webhooks.lease must be longer than connect-timeout + request-timeout,"
							+ " or a slow attempt would be sent twice");
		}
		if (threads < 1 || perEndpointConcurrency < 1) {
			throw new IllegalArgumentException("shop.webhooks.threads and per-endpoint-concurrency must be positive");
		}
	}

}
