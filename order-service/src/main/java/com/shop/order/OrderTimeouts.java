package com.shop.order;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Cancels orders stuck in PENDING or RESERVED for longer than the timeout, so every order
 * settles even when a downstream service never answers.
 */
@Component
class OrderTimeouts {

	private static final Logger log = LoggerFactory.getLogger(OrderTimeouts.class);

	private static final int BATCH = 100;

	private final OrderProcess process;

	private final Settings settings;

	OrderTimeouts(OrderProcess process, Settings settings) {
		this.process = process;
		this.settings = settings;
	}

	@Scheduled(fixedDelayString = "${shop.order.timeout-check-interval:10s}")
	void cancelStaleOrders() {
		int cancelled;
		do {
			cancelled = this.process.cancelStale(this.settings.timeout(), BATCH);
			if (cancelled > 0) {
				log.info("Cancelled {} orders open for longer than {}", cancelled, this.settings.timeout());
			}
		}
		while (cancelled == BATCH);
	}

	/**
	 * @param timeout how long an order may stay PENDING or RESERVED
	 * @param timeoutCheckInterval how often open orders are checked
	 */
	@ConfigurationProperties("shop.order")
	record Settings(@DefaultValue("5m") Duration timeout, @DefaultValue("10s") Duration timeoutCheckInterval) {
	}

}
