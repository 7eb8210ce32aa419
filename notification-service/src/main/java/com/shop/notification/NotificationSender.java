package com.shop.notification;

import com.shop.events.Channel;

/**
 * One outbound channel (e-mail now; webhooks and WebSocket later). A channel that cannot
 * deliver throws, and the notice is retried.
 */
public interface NotificationSender {

	Channel channel();

	/** Where this channel sends the notice, as recorded and reported. */
	String recipient(OrderNotice notice);

	/**
	 * Delivers the notice.
	 * @throws RuntimeException when the channel did not accept it
	 */
	void send(OrderNotice notice);

}
