package com.shop.events;

import java.util.Set;

/**
 * Topic names of the pipeline. Each topic has exactly one writing service.
 */
public final class Topics {

	/** Written by order-service, keyed by orderId. */
	public static final String ORDERS = "orders";

	/** Written by inventory-service, keyed by orderId. */
	public static final String INVENTORY = "inventory";

	/** Written by payment-service, keyed by orderId. */
	public static final String PAYMENTS = "payments";

	/** Written by inventory-service, keyed by sku, compacted. */
	public static final String CATALOG_PRODUCTS = "catalog.products";

	/** Written by notification-service, keyed by orderId. */
	public static final String NOTIFICATIONS = "notifications";

	private static final String DEAD_LETTER_SUFFIX = ".DLT";

	private static final Set<String> COMPACTED = Set.of(CATALOG_PRODUCTS);

	private Topics() {
	}

	/** The dead-letter topic of {@code topic}. */
	public static String deadLetter(String topic) {
		return topic + DEAD_LETTER_SUFFIX;
	}

	/** Whether the topic keeps only the latest record per key. */
	public static boolean isCompacted(String topic) {
		return COMPACTED.contains(topic);
	}

	/**
	 * The topic a dead-letter topic collects records from, or {@code null} if it is none.
	 */
	public static String sourceOfDeadLetter(String topic) {
		return topic.endsWith(DEAD_LETTER_SUFFIX) ? topic.substring(0, topic.length() - DEAD_LETTER_SUFFIX.length())
				: null;
	}

}
