package com.shop.inventory;

/** Where a reservation stands. Only a HELD reservation holds stock. */
enum ReservationStatus {

	/** Every line is reserved, waiting for the order to be confirmed or cancelled. */
	HELD,

	/** The order was confirmed; the units left the stock. */
	COMMITTED,

	/** The order was cancelled; the units are available again. */
	RELEASED,

	/** Stock could not be reserved; nothing was held. */
	REJECTED

}
