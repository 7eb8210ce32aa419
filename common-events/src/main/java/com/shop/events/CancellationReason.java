package com.shop.events;

/** Why an order was cancelled. */
public enum CancellationReason {

	OUT_OF_STOCK, UNKNOWN_PRODUCT, PAYMENT_DECLINED, TIMEOUT, CUSTOMER_REQUEST

}
