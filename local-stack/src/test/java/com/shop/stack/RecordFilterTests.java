package com.shop.stack;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RecordFilterTests {

	@Test
	void matchesATypeByItsFullNameOrItsEndWithOrWithoutTheVersion() {
		for (String type : new String[] { "shop.order.placed.v1", "order.placed", "placed", "order.placed.v1" }) {
			assertThat(new RecordFilter(type, null).matchesType("shop.order.placed.v1")).as(type).isTrue();
		}
	}

	@Test
	void doesNotMatchPartsOfWords() {
		RecordFilter filter = new RecordFilter("placed", null);

		assertThat(filter.matchesType("shop.order.replaced.v1")).isFalse();
		assertThat(filter.matchesType(null)).isFalse();
		assertThat(new RecordFilter("order", null).matchesType("shop.order.placed.v1")).isFalse();
	}

	@Test
	void namesThePipelinesTypesItLetsThrough() {
		assertThat(new RecordFilter("payment.failed", null).knownTypes()).containsExactly("shop.payment.failed.v1");
		assertThat(new RecordFilter("order.shipped", null).knownTypes()).isEmpty();
	}

}
