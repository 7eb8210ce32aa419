package com.shop.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.shop.events.CancellationReason;
import com.shop.events.Ids;
import com.shop.events.Money;
import com.shop.events.OrderLine;
import com.shop.events.OrderPlaced;
import com.shop.persistence.AssignedIdEntity;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

/**
 * An order and its state machine. Each transition method returns whether it applied, so
 * an event that does not fit the current state (a duplicate, a late arrival) is ignored
 * rather than treated as an error.
 */
@Entity(name = "PurchaseOrder")
@Table(name = "orders")
public class Order extends AssignedIdEntity<UUID> {

	@Id
	private UUID id;

	@Enumerated(EnumType.STRING)
	private OrderStatus status;

	private String customerId;

	private String customerEmail;

	private String paymentMethod;

	private BigDecimal totalAmount;

	private String currency;

	@Enumerated(EnumType.STRING)
	private CancellationReason cancellationReason;

	private String cancellationDetail;

	private UUID paymentId;

	private String idempotencyKey;

	private String requestFingerprint;

	private Instant createdAt;

	private Instant updatedAt;

	@ElementCollection
	@CollectionTable(name = "order_item", joinColumns = @JoinColumn(name = "order_id"))
	@OrderColumn(name = "line_no")
	private List<OrderItem> items = new ArrayList<>();

	protected Order() {
	}

	/** A new PENDING order; {@code lines} are priced and share one currency. */
	static Order place(String customerId, String customerEmail, List<OrderLine> lines, String paymentMethod,
			String idempotencyKey, String requestFingerprint) {
		Order order = new Order();
		order.id = Ids.next();
		order.markNew();
		order.status = OrderStatus.PENDING;
		order.customerId = customerId;
		order.customerEmail = customerEmail;
		order.paymentMethod = paymentMethod;
		Money total = lines.stream()
			.map((line) -> line.unitPrice().times(line.quantity()))
			.reduce(Money::plus)
			.orElseThrow(() -> new IllegalArgumentException("an order has at least one line"));
		order.totalAmount = total.amount();
		order.currency = total.currency();
		lines.forEach((line) -> order.items.add(new OrderItem(line.sku(), line.quantity(), line.unitPrice().amount())));
		order.idempotencyKey = idempotencyKey;
		order.requestFingerprint = requestFingerprint;
		order.createdAt = Instant.now();
		order.updatedAt = order.createdAt;
		return order;
	}

	/**
	 * An order as stored, read without JPA and without its lines by a batch of events,
	 * which writes back its state itself ({@link LockedOrders}).
	 */
	static Order restore(UUID id, OrderStatus status, String customerId, String customerEmail, String paymentMethod,
			Money total, CancellationReason cancellationReason, String cancellationDetail, UUID paymentId,
			Instant createdAt, Instant updatedAt) {
		Order order = new Order();
		order.id = id;
		order.status = status;
		order.customerId = customerId;
		order.customerEmail = customerEmail;
		order.paymentMethod = paymentMethod;
		order.totalAmount = total.amount();
		order.currency = total.currency();
		order.cancellationReason = cancellationReason;
		order.cancellationDetail = cancellationDetail;
		order.paymentId = paymentId;
		order.createdAt = createdAt;
		order.updatedAt = updatedAt;
		return order;
	}

	/** Stock is held: PENDING -> RESERVED. */
	boolean reserve() {
		return moveTo(OrderStatus.RESERVED, OrderStatus.PENDING);
	}

	/** Paid: RESERVED -> CONFIRMED. */
	boolean confirm(UUID paymentId) {
		if (!moveTo(OrderStatus.CONFIRMED, OrderStatus.RESERVED)) {
			return false;
		}
		this.paymentId = paymentId;
		return true;
	}

	/** Will not be fulfilled: PENDING or RESERVED -> CANCELLED. */
	boolean cancel(CancellationReason reason, String detail) {
		if (!this.status.isOpen()) {
			return false;
		}
		this.status = OrderStatus.CANCELLED;
		this.cancellationReason = reason;
		this.cancellationDetail = detail;
		this.updatedAt = Instant.now();
		return true;
	}

	private boolean moveTo(OrderStatus target, OrderStatus required) {
		if (this.status != required) {
			return false;
		}
		this.status = target;
		this.updatedAt = Instant.now();
		return true;
	}

	/** Whether this order was placed with exactly that request. */
	boolean placedWith(String fingerprint) {
		return fingerprint.equals(this.requestFingerprint);
	}

	OrderPlaced placed() {
		List<OrderLine> lines = this.items.stream()
			.map((item) -> new OrderLine(item.sku(), item.quantity(), new Money(item.unitPrice(), this.currency)))
			.toList();
		return new OrderPlaced(this.id, this.customerId, this.customerEmail, lines, total(), this.paymentMethod,
				this.createdAt);
	}

	@Override
	public UUID getId() {
		return this.id;
	}

	public UUID id() {
		return this.id;
	}

	public OrderStatus status() {
		return this.status;
	}

	public String customerId() {
		return this.customerId;
	}

	public String customerEmail() {
		return this.customerEmail;
	}

	public String paymentMethod() {
		return this.paymentMethod;
	}

	public Money total() {
		return new Money(this.totalAmount, this.currency);
	}

	public String currency() {
		return this.currency;
	}

	public CancellationReason cancellationReason() {
		return this.cancellationReason;
	}

	public String cancellationDetail() {
		return this.cancellationDetail;
	}

	public UUID paymentId() {
		return this.paymentId;
	}

	String idempotencyKey() {
		return this.idempotencyKey;
	}

	String requestFingerprint() {
		return this.requestFingerprint;
	}

	public Instant createdAt() {
		return this.createdAt;
	}

	public Instant updatedAt() {
		return this.updatedAt;
	}

	public List<OrderItem> items() {
		return List.copyOf(this.items);
	}

}
