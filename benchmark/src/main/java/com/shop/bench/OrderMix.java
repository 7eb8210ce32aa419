package com.shop.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The orders the generator places: mostly ones that should confirm, a share paid with a
 * card that is declined, a share with a line of a product that has no stock; one to four
 * lines of one to three units each, well below the payment simulator's limit. Draws are
 * serialised, so clients on several threads may share one mix.
 */
final class OrderMix {

	static final String DECLINED_CARD = "tok_chargeDeclined";

	static final String GOOD_CARD = "tok_visa";

	private final List<String> skus;

	private final String outOfStockSku;

	private final double declinedShare;

	private final double outOfStockShare;

	private final SplittableRandom random;

	private final String runId;

	OrderMix(List<String> skus, String outOfStockSku, double declinedShare, double outOfStockShare, long seed,
			String runId) {
		if (skus.size() < 4) {
			throw new IllegalArgumentException("the mix needs at least four products");
		}
		this.skus = List.copyOf(skus);
		this.outOfStockSku = outOfStockSku;
		this.declinedShare = declinedShare;
		this.outOfStockShare = outOfStockShare;
		this.random = new SplittableRandom(seed);
		this.runId = runId;
	}

	/** What an order is expected to end as. */
	enum Kind {

		SUCCESS, DECLINED, OUT_OF_STOCK

	}

	/** One order to place: its expected outcome, its body and its idempotency key. */
	record PlannedOrder(Kind kind, String body, String idempotencyKey, int lines) {
	}

	synchronized PlannedOrder next(long sequence) {
		double draw = this.random.nextDouble();
		Kind kind = (draw < this.outOfStockShare) ? Kind.OUT_OF_STOCK
				: (draw < this.outOfStockShare + this.declinedShare) ? Kind.DECLINED : Kind.SUCCESS;
		int lineCount = 1 + this.random.nextInt(4);
		List<String> chosen = new ArrayList<>(lineCount);
		if (kind == Kind.OUT_OF_STOCK) {
			chosen.add(this.outOfStockSku);
		}
		while (chosen.size() < lineCount) {
			String sku = this.skus.get(this.random.nextInt(this.skus.size()));
			if (!chosen.contains(sku)) {
				chosen.add(sku);
			}
		}
		StringBuilder body = new StringBuilder(256);
		long customer = this.random.nextInt(10_000);
		body.append("{\"customerId\":\"bench-")
			.append(customer)
			.append("\",\"customerEmail\":\"bench-")
			.append(customer)
			.append("@example.com\",\"paymentMethod\":\"")
			.append((kind == Kind.DECLINED) ? DECLINED_CARD : GOOD_CARD)
			.append("\",\"items\":[");
		for (int i = 0; i < chosen.size(); i++) {
			if (i > 0) {
				body.append(',');
			}
			body.append("{\"sku\":\"")
				.append(chosen.get(i))
				.append("\",\"quantity\":")
				.append(1 + this.random.nextInt(3))
				.append('}');
		}
		body.append("]}");
		return new PlannedOrder(kind, body.toString(), "bench-" + this.runId + "-" + sequence, lineCount);
	}

}
