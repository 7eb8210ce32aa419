package com.shop.events;

/** An outbound notification channel. */
public enum Channel {

	EMAIL, WEBHOOK, WEBSOCKET

}
