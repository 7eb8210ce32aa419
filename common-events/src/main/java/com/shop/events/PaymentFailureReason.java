package com.shop.events;

/** Why a charge failed. */
public enum PaymentFailureReason {

	DECLINED, LIMIT_EXCEEDED

}
