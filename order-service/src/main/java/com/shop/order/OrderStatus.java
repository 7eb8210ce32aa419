package com.shop.order;

/**
 * The order lifecycle: {@code PENDING -> RESERVED -> CONFIRMED}, or {@code CANCELLED}
 * from either open state. {@code CONFIRMED} and {@code CANCELLED} are terminal.
 */
public enum OrderStatus {

	PENDING, RESERVED, CONFIRMED, CANCELLED;

	boolean isOpen() {
		return this == PENDING || this == RESERVED;
	}

}
