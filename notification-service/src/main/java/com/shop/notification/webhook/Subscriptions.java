package com.shop.notification.webhook;

import java.time.Duration;
import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The active endpoints, as the event journal asks for them with every consumed event:
 * read once and kept, so a busy consumer does not query them per event. A change made on
 * this instance (an endpoint registered, removed or disabled) is seen from the commit
 * that made it on; one made on another instance within {@value #FRESH_FOR_SECONDS}
 * second.
 */
@Component
class Subscriptions {

	private static final long FRESH_FOR_SECONDS = 1;

	private static final long FRESH_FOR_NANOS = Duration.ofSeconds(FRESH_FOR_SECONDS).toNanos();

	private final WebhookEndpointRepository endpoints;

	private volatile Snapshot snapshot;

	Subscriptions(WebhookEndpointRepository endpoints) {
		this.endpoints = endpoints;
	}

	private record Snapshot(List<WebhookEndpoint> active, long readAt) {
	}

	/** The active endpoints that subscribe to the event type. */
	List<WebhookEndpoint> subscribedTo(String eventType) {
		Snapshot current = this.snapshot;
		if (current == null || System.nanoTime() - current.readAt() > FRESH_FOR_NANOS) {
			current = new Snapshot(List.copyOf(this.endpoints.findByStatus(WebhookEndpoint.Status.ACTIVE)),
					System.nanoTime());
			this.snapshot = current;
		}
		if (current.active().isEmpty()) {
			return List.of();
		}
		return current.active().stream().filter((endpoint) -> endpoint.subscribesTo(eventType)).toList();
	}

	/**
	 * The endpoints change in the current transaction: read them again once it commits.
	 */
	void changed() {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			this.snapshot = null;
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCompletion(int status) {
				Subscriptions.this.snapshot = null;
			}
		});
	}

}
