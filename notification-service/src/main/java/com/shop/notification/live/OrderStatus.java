package com.shop.notification.live;

/**
 * An order's status as subscribers see it. The lifecycle only moves forward
 * ({@link #rank()}), and the terminal states never change.
 */
enum OrderStatus {

	PENDING(0), RESERVED(1), CONFIRMED(2), CANCELLED(2);

	private final int rank;

	OrderStatus(int rank) {
		this.rank = rank;
	}

	int rank() {
		return this.rank;
	}

	boolean isTerminal() {
		return this == CONFIRMED || this == CANCELLED;
	}

}
