package com.shop.notification;

/** What a notification tells the customer; {@link #id()} is its name in the records. */
public enum NotificationTemplate {

	ORDER_RECEIVED("order-received"), ORDER_CONFIRMED("order-confirmed"), ORDER_CANCELLED("order-cancelled");

	private final String id;

	NotificationTemplate(String id) {
		this.id = id;
	}

	public String id() {
		return this.id;
	}

}
