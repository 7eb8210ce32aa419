package com.shop.events;

/** Why stock could not be reserved for an order. */
public enum RejectionReason {

	OUT_OF_STOCK, UNKNOWN_PRODUCT

}
