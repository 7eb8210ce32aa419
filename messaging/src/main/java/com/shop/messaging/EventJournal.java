package com.shop.messaging;

import com.shop.events.Envelope;
import com.shop.events.ShopEvent;

/**
 * Is told, inside the business transaction, of every event the service emits or consumes.
 * A service implements it to keep a history of its entities (order-service keeps each
 * order's timeline this way).
 */
public interface EventJournal {

	void emitted(Envelope envelope, ShopEvent event);

	void consumed(Envelope envelope, ShopEvent event);

}
