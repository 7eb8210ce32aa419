package com.shop.notification;

import java.time.Instant;
import java.util.UUID;

import com.shop.events.Channel;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One notification about an order on one channel, as the API reads it. There is at most
 * one per order, template and channel; {@link NotificationQueue} writes them, and retries
 * one in place until it is sent.
 */
@Entity
@Table(name = "notification")
public class Notification {

	@Id
	private UUID id;

	private UUID orderId;

	@Enumerated(EnumType.STRING)
	private Channel channel;

	private String recipient;

	private String template;

	@Enumerated(EnumType.STRING)
	private NotificationStatus status;

	private String error;

	private Instant createdAt;

	protected Notification() {
	}

	public UUID getOrderId() {
		return this.orderId;
	}

	public Channel getChannel() {
		return this.channel;
	}

	public String getRecipient() {
		return this.recipient;
	}

	public String getTemplate() {
		return this.template;
	}

	public NotificationStatus getStatus() {
		return this.status;
	}

	public String getError() {
		return this.error;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public UUID getId() {
		return this.id;
	}

}
