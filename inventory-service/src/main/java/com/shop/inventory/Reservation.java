package com.shop.inventory;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What inventory decided for one order: stock held for all its lines, or rejected. A held
 * reservation ends once, committed or released; any later request is refused, which is
 * how late and duplicate events are recognised.
 */
class Reservation {

	private final UUID orderId;

	private ReservationStatus status;

	private final List<ReservationLine> lines;

	private Reservation(UUID orderId, ReservationStatus status, List<ReservationLine> lines) {
		this.orderId = orderId;
		this.status = status;
		this.lines = new ArrayList<>(lines);
	}

	static Reservation held(UUID orderId, List<ReservationLine> lines) {
		return new Reservation(orderId, ReservationStatus.HELD, lines);
	}

	static Reservation rejected(UUID orderId) {
		return new Reservation(orderId, ReservationStatus.REJECTED, List.of());
	}

	/** A reservation as stored. */
	static Reservation restore(UUID orderId, ReservationStatus status, List<ReservationLine> lines) {
		return new Reservation(orderId, status, lines);
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

}
