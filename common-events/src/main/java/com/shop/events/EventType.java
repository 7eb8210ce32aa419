package com.shop.events;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every event type of the pipeline: its logical name on the wire ({@code ce_type}), its
 * payload record and the topic it travels on. Class names never appear on the wire.
 */
public enum EventType {

	PRODUCT_UPSERTED("shop.catalog.product-upserted.v1", ProductUpserted.class, Topics.CATALOG_PRODUCTS),

	ORDER_PLACED("shop.order.placed.v1", OrderPlaced.class, Topics.ORDERS),

	PAYMENT_REQUESTED("shop.order.payment-requested.v1", PaymentRequested.class, Topics.ORDERS),

	ORDER_CONFIRMED("shop.order.confirmed.v1", OrderConfirmed.class, Topics.ORDERS),

	ORDER_CANCELLED("shop.order.cancelled.v1", OrderCancelled.class, Topics.ORDERS),

	REFUND_REQUESTED("shop.order.refund-requested.v1", RefundRequested.class, Topics.ORDERS),

	STOCK_RESERVED("shop.inventory.stock-reserved.v1", StockReserved.class, Topics.INVENTORY),

	STOCK_REJECTED("shop.inventory.stock-rejected.v1", StockRejected.class, Topics.INVENTORY),

	STOCK_RELEASED("shop.inventory.stock-released.v1", StockReleased.class, Topics.INVENTORY),

	PAYMENT_COMPLETED("shop.payment.completed.v1", PaymentCompleted.class, Topics.PAYMENTS),

	PAYMENT_FAILED("shop.payment.failed.v1", PaymentFailed.class, Topics.PAYMENTS),

	PAYMENT_REFUNDED("shop.payment.refunded.v1", PaymentRefunded.class, Topics.PAYMENTS),

	NOTIFICATION_SENT("shop.notification.sent.v1", NotificationSent.class, Topics.NOTIFICATIONS);

	private static final Map<String, EventType> BY_NAME = Arrays.stream(values())
		.collect(Collectors.toUnmodifiableMap(EventType::typeName, Function.identity()));

	private static final Map<Class<?>, EventType> BY_CLASS = Arrays.stream(values())
		.collect(Collectors.toUnmodifiableMap(EventType::payloadType, Function.identity()));

	private final String typeName;

	private final Class<? extends ShopEvent> payloadType;

	private final String topic;

	EventType(String typeName, Class<? extends ShopEvent> payloadType, String topic) {
		this.typeName = typeName;
		this.payloadType = payloadType;
		this.topic = topic;
	}

	/** The CloudEvents {@code type}, e.g. {@code shop.order.placed.v1}. */
	public String typeName() {
		return this.typeName;
	}

	public Class<? extends ShopEvent> payloadType() {
		return this.payloadType;
	}

	public String topic() {
		return this.topic;
	}

	/** The type with that wire name, or empty for a type this version does not know. */
	public static Optional<EventType> byName(String typeName) {
		return Optional.ofNullable(BY_NAME.get(typeName));
	}

	public static EventType of(ShopEvent event) {
		return BY_CLASS.get(event.getClass());
	}

	public static EventType of(Class<? extends ShopEvent> payloadType) {
		EventType type = BY_CLASS.get(payloadType);
		if (type == null) {
			throw new IllegalArgumentException("not an event type: " + payloadType.getName());
		}
		return type;
	}

}
