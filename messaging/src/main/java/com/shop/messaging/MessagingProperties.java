package com.shop.messaging;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the shared messaging machinery ({@code shop.messaging.*}).
 *
 * @param ownedTopics the topics this service writes; created at start with
 * {@code partitions}
 * @param consumedTopics the topics this service reads; their dead-letter topics are
 * created
 * @param partitions partitions per topic, so several instances can share the work
 * @param relay the outbox relay
 * @param retry how a failing record is retried before it goes to the dead-letter topic
 */
@ConfigurationProperties("shop.messaging")
public record MessagingProperties(@DefaultValue List<String> ownedTopics, @DefaultValue List<String> consumedTopics,
		@DefaultValue("3") int partitions, @DefaultValue Relay relay, @DefaultValue Retry retry) {

	/**
	 * @param pollInterval how often the relay looks for entries when no commit woke it
	 * @param batchSize how many entries one relay transaction publishes at most
	 * @param sendTimeout how long the relay waits for the broker to acknowledge a batch
	 */
	public record Relay(@DefaultValue("500ms") Duration pollInterval, @DefaultValue("500") int batchSize,
			@DefaultValue("30s") Duration sendTimeout) {
	}

	/**
	 * @param maxRetries retries of a failing record before it is dead-lettered
	 * @param initialInterval back-off before the first retry
	 * @param multiplier back-off growth per retry
	 * @param maxInterval the longest back-off, also used while the database is
	 * unreachable
	 */
	public record Retry(@DefaultValue("3") int maxRetries, @DefaultValue("200ms") Duration initialInterval,
			@DefaultValue("2.0") double multiplier, @DefaultValue("5s") Duration maxInterval) {
	}

}
