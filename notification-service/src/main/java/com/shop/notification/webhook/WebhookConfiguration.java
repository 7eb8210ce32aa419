package com.shop.notification.webhook;

import java.util.concurrent.ThreadLocalRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The webhook delivery's settings turned into its policies. */
@Configuration(proxyBeanMethods = false)
class WebhookConfiguration {

	private static final Logger log = LoggerFactory.getLogger(WebhookConfiguration.class);

	@Bean
	TargetGuard webhookTargetGuard(WebhookSettings settings) {
		for (String network : settings.allowedNetworks()) {
			// a weakened SSRF guard must never go unnoticed in production
			log.warn("Webhook targets in {} are allowed (shop.webhooks.allowed-networks)", network);
		}
		return new TargetGuard(settings.allowedNetworks());
	}

	@Bean
	RetrySchedule webhookRetrySchedule(WebhookSettings settings) {
		return new RetrySchedule(settings.retrySchedule(), settings.jitter(),
				() -> ThreadLocalRandom.current().nextDouble());
	}

}
