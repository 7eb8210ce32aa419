package com.shop.bench;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.shop.bench.OrderMix.Kind;
import com.shop.bench.OrderMix.PlannedOrder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class OrderMixTests {

	private static final Pattern LINE = Pattern.compile("\\{\"sku\":\"([^\"]+)\",\"quantity\":(\\d+)}");

	private final OrderMix mix = new OrderMix(List.of("A", "B", "C", "D", "E", "F"), "OOS", 0.05, 0.05, 7, "run");

	@Test
	void drawsTheSharesOfTheMix() {
		Map<Kind, Integer> counts = new EnumMap<>(Kind.class);
		for (int i = 0; i < 20_000; i++) {
			counts.merge(this.mix.next(i).kind(), 1, Integer::sum);
		}
		assertThat(counts.get(Kind.SUCCESS) / 20_000.0).isCloseTo(0.90, within(0.01));
		assertThat(counts.get(Kind.DECLINED) / 20_000.0).isCloseTo(0.05, within(0.01));
		assertThat(counts.get(Kind.OUT_OF_STOCK) / 20_000.0).isCloseTo(0.05, within(0.01));
	}

	@Test
	void ordersOneToFourDistinctLinesOfOneToThreeUnits() {
		for (int i = 0; i < 2_000; i++) {
			PlannedOrder order = this.mix.next(i);
			Matcher matcher = LINE.matcher(order.body());
			List<String> skus = new ArrayList<>();
			while (matcher.find()) {
				skus.add(matcher.group(1));
				assertThat(Integer.parseInt(matcher.group(2))).isBetween(1, 3);
			}
			assertThat(skus).hasSize(order.lines()).doesNotHaveDuplicates();
			assertThat(order.lines()).isBetween(1, 4);
			assertThat(skus.contains("OOS")).isEqualTo(order.kind() == Kind.OUT_OF_STOCK);
			assertThat(order.body())
				.contains((order.kind() == Kind.DECLINED) ? OrderMix.DECLINED_CARD : OrderMix.GOOD_CARD);
		}
	}

	@Test
	void staysFarBelowThePaymentLimitWithTheBenchmarkPrices() {
		// four lines of three units of the dearest product (47.75)
		assertThat(4 * 3 * (5.0 + 19 * 2.25)).isLessThan(10_000);
	}

	@Test
	void givesEveryOrderItsOwnIdempotencyKey() {
		assertThat(this.mix.next(1).idempotencyKey()).isEqualTo("bench-run-1");
		assertThat(this.mix.next(2).idempotencyKey()).isEqualTo("bench-run-2");
	}

}
