package com.shop.notification.webhook;

/** Where a delivery stands: waiting for (another) attempt, delivered, or given up. */
enum DeliveryStatus {

	PENDING, SUCCEEDED, FAILED

}
