package com.shop.notification;

/** Whether a notification reached its channel. */
public enum NotificationStatus {

	SENT, FAILED

}
