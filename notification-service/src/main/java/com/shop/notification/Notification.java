package com.shop.notification;

import java.time.Instant;
import java.util.UUID;

import com.shop.events.Channel;
import com.shop.persistence.AssignedIdEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One notification about an order on one channel. There is at most one per order,
 * template and channel: a failed one is retried in place until it is sent.
 */
@Entity
@Table(name = "notification")
public class Notification extends AssignedIdEntity<UUID> {

	private static final int MAX_ERROR_LENGTH = 1000;

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

	private Notification(UUID orderId, Channel channel, String recipient, String template) {
		markNew();
		this.id = UUID.randomUUID();
		this.orderId = orderId;
		this.channel = channel;
		this.recipient = recipient;
		this.template = template;
		this.createdAt = Instant.now();
	}

	static Notification of(UUID orderId, Channel channel, String recipient, NotificationTemplate template) {
		return new Notification(orderId, channel, recipient, template.id());
	}

	void sent() {
		this.status = NotificationStatus.SENT;
		this.error = null;
	}

	void failed(Exception ex) {
		this.status = NotificationStatus.FAILED;
		String message = String.valueOf(ex.getMessage());
		this.error = (message.length() > MAX_ERROR_LENGTH) ? message.substring(0, MAX_ERROR_LENGTH) : message;
	}

	boolean wasSent() {
		return this.status == NotificationStatus.SENT;
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

	@Override
	public UUID getId() {
		return this.id;
	}

}
