package com.shop.notification;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.shop.events.Money;
import com.shop.events.OrderLine;
import com.shop.events.OrderPlaced;
import com.shop.persistence.AssignedIdEntity;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

/**
 * The local projection of a placed order: who to tell about it. Later order events carry
 * only the order id, so this is where their recipient comes from.
 */
@Entity
@Table(name = "order_contact")
class OrderContact extends AssignedIdEntity<UUID> {

	@Id
	private UUID orderId;

	private String customerId;

	private String customerEmail;

	@Column(precision = 12, scale = 2)
	private BigDecimal totalAmount;

	private String totalCurrency;

	private Instant placedAt;

	@ElementCollection
	@CollectionTable(name = "order_contact_line", joinColumns = @JoinColumn(name = "order_id"))
	@OrderColumn(name = "line_no")
	private List<ContactLine> lines = new ArrayList<>();

	protected OrderContact() {
	}

	private OrderContact(UUID orderId, String customerId, String customerEmail, Money total, Instant placedAt,
			List<OrderLine> lines) {
		this.orderId = orderId;
		this.customerId = customerId;
		this.customerEmail = customerEmail;
		this.totalAmount = total.amount();
		this.totalCurrency = total.currency();
		this.placedAt = placedAt;
		lines.forEach((line) -> this.lines.add(new ContactLine(line)));
	}

	/** A new contact, inserted without a select first. */
	static OrderContact of(OrderPlaced placed) {
		OrderContact contact = new OrderContact(placed.orderId(), placed.customerId(), placed.customerEmail(),
				placed.total(), placed.placedAt(), placed.items());
		contact.markNew();
		return contact;
	}

	/** A re-emitted OrderPlaced describes the order anew. */
	void update(OrderPlaced placed) {
		this.customerId = placed.customerId();
		this.customerEmail = placed.customerEmail();
		this.totalAmount = placed.total().amount();
		this.totalCurrency = placed.total().currency();
		this.placedAt = placed.placedAt();
		this.lines.clear();
		placed.items().forEach((line) -> this.lines.add(new ContactLine(line)));
	}

	@Override
	public UUID getId() {
		return this.orderId;
	}

	UUID orderId() {
		return this.orderId;
	}

	String customerEmail() {
		return this.customerEmail;
	}

	Money total() {
		return new Money(this.totalAmount, this.totalCurrency);
	}

	Instant placedAt() {
		return this.placedAt;
	}

	List<OrderLine> lines() {
		return this.lines.stream().map(ContactLine::toOrderLine).toList();
	}

}
