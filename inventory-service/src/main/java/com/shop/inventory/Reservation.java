package com.shop.inventory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.shop.persistence.AssignedIdEntity;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

/**
 * What inventory decided for one order: stock held for all its lines, or rejected. A held
 * reservation ends once, committed or released; any later request is refused, which is
 * how late and duplicate events are recognised.
 */
@Entity
@Table(name = "reservation")
class Reservation extends AssignedIdEntity<UUID> {

	@Id
	@Column(name = "order_id")
	private UUID orderId;

	@Enumerated(EnumType.STRING)
	private ReservationStatus status;

	@ElementCollection
	@CollectionTable(name = "reservation_line", joinColumns = @JoinColumn(name = "order_id"))
	private List<ReservationLine> lines = new ArrayList<>();

	@Column(name = "created_at")
	private Instant createdAt;

	@Column(name = "updated_at")
	private Instant updatedAt;

	protected Reservation() {
	}

	private Reservation(UUID orderId, ReservationStatus status, List<ReservationLine> lines) {
		markNew();
		this.orderId = orderId;
		this.status = status;
		this.lines = new ArrayList<>(lines);
		this.createdAt = Instant.now();
		this.updatedAt = this.createdAt;
	}

	static Reservation held(UUID orderId, List<ReservationLine> lines) {
		return new Reservation(orderId, ReservationStatus.HELD, lines);
	}

	static Reservation rejected(UUID orderId) {
		return new Reservation(orderId, ReservationStatus.REJECTED, List.of());
	}

	boolean isHeld() {
		return this.status == ReservationStatus.HELD;
	}

	/** The order was confirmed: the held stock is used up. */
	void commit() {
		end(ReservationStatus.COMMITTED);
	}

	/** The order was cancelled: the held stock is given back. */
	void release() {
		end(ReservationStatus.RELEASED);
	}

	private void end(ReservationStatus outcome) {
		if (!isHeld()) {
			throw new IllegalStateException(
					"reservation of order " + this.orderId + " is " + this.status + ", it cannot become " + outcome);
		}
		this.status = outcome;
		this.updatedAt = Instant.now();
	}

	UUID orderId() {
		return this.orderId;
	}

	ReservationStatus status() {
		return this.status;
	}

	List<ReservationLine> lines() {
		return List.copyOf(this.lines);
	}

	@Override
	public UUID getId() {
		return this.orderId;
	}

}
