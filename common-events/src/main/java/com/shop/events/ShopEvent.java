package com.shop.events;

/**
 * A business event of the pipeline: an immutable fact, named in the past tense. Each
 * event belongs to one {@link EventType}, which fixes its wire name and its topic.
 */
public sealed interface ShopEvent permits OrderEvent, InventoryEvent, PaymentEvent, CatalogEvent, NotificationEvent {

	/**
	 * The entity this event is about: the orderId, or the sku for catalog events. It is
	 * the Kafka record key and the CloudEvents {@code subject}.
	 */
	String subject();

}
