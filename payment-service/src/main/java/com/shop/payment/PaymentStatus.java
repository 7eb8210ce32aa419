package com.shop.payment;

/** Where a payment stands: charged, refused by the gateway, or paid back. */
public enum PaymentStatus {

	COMPLETED, FAILED, REFUNDED

}
