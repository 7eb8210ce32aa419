package com.shop.events;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * New ids for what the pipeline creates (orders, events, payments, notifications): UUIDs
 * of version 7 (RFC 9562), whose first 48 bits are the creation time in milliseconds and
 * the other 74 random. Ids created one after the other sort together, so a table's
 * primary key index grows at its end instead of at random places, which keeps its hot
 * pages few and cached however large it gets; the random part keeps them as unguessable
 * as any UUID.
 */
public final class Ids {

	private static final SecureRandom RANDOM = new SecureRandom();

	private Ids() {
	}

	public static UUID next() {
		byte[] random = new byte[10];
		RANDOM.nextBytes(random);
		long millis = System.currentTimeMillis();
		long high = (millis << 16) | 0x7000L | ((random[0] & 0x0FL) << 8) | (random[1] & 0xFFL);
		long low = 0x8000000000000000L | (((long) random[2] & 0x3F) << 56);
		for (int i = 3; i < 10; i++) {
			low |= ((long) random[i] & 0xFF) << (8 * (9 - i));
		}
		return new UUID(high, low);
	}

}
