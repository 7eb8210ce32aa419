package com.shop.events;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IdsTests {

	@Test
	void areVersion7UuidsOfTheRfc4122Variant() {
		UUID id = Ids.next();
		assertThat(id.version()).isEqualTo(7);
		assertThat(id.variant()).isEqualTo(2);
		assertThat(UUID.fromString(id.toString())).isEqualTo(id);
	}

	@Test
	void startWithTheirCreationTime() {
		long before = System.currentTimeMillis();
		UUID id = Ids.next();
		long after = System.currentTimeMillis();
		assertThat(id.getMostSignificantBits() >>> 16).isBetween(before, after);
	}

	@Test
	void sortByCreationTimeAcrossMillisecondsAndDoNotRepeat() throws InterruptedException {
		List<UUID> ids = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			ids.add(Ids.next());
			Thread.sleep(2);
		}
		List<String> texts = ids.stream().map(UUID::toString).toList();
		assertThat(texts).isSorted();
		HashSet<UUID> many = new HashSet<>();
		for (int i = 0; i < 100_000; i++) {
			many.add(Ids.next());
		}
		assertThat(many).hasSize(100_000);
	}

}
