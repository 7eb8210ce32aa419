package com.shop.notification;

import java.util.List;

import com.shop.events.EventType;
import com.shop.events.Topics;
import com.shop.testsupport.HostileRecords;

import org.junit.jupiter.api.Test;

/**
 * Property: random bytes under random headers, or under a valid envelope of a type this
 * service handles, on every topic it consumes, all end in the topic's DLT, and the
 * consumer goes on past them.
 */

class HostileRecordsTests extends NotificationServiceTest {

	@Test
	void hostileRecordsOnEveryConsumedTopicAreDeadLetteredAndNothingIsStuck() {
		System.out.println("[fuzz] " + HostileRecords.deadLetterAll(Topics.ORDERS, "notification-service",
				List.of(EventType.ORDER_PLACED, EventType.PAYMENT_REQUESTED, EventType.ORDER_CONFIRMED,
						EventType.ORDER_CANCELLED, EventType.REFUND_REQUESTED),
				100));
	}

}
