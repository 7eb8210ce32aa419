package com.shop.notification;

/**
 * Where a notification stands: queued (or being retried) until its channel takes it, then
 * sent. Failed is kept for notifications recorded as failed before notifications were
 * queued.
 */
public enum NotificationStatus {

	PENDING, SENT, FAILED

}
