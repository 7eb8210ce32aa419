package com.shop.inventory;

import java.util.List;

import com.shop.events.EventType;
import com.shop.events.Topics;
import com.shop.testsupport.HostileRecords;
import com.shop.testsupport.IntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * Property: random bytes under random headers, or under a valid envelope of a type this
 * service handles, on every topic it consumes, all end in the topic's DLT, and the
 * consumer goes on past them.
 */
@IntegrationTest
class HostileRecordsTests {

	@Test
	void hostileRecordsOnEveryConsumedTopicAreDeadLetteredAndNothingIsStuck() {
		System.out.println("[fuzz] " + HostileRecords.deadLetterAll(Topics.ORDERS, "inventory-service",
				List.of(EventType.ORDER_PLACED, EventType.ORDER_CONFIRMED, EventType.ORDER_CANCELLED), 100));
	}

}
