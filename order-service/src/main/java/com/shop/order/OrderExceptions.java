package com.shop.order;

import java.util.List;
import java.util.UUID;

/**
 * What can go wrong for a customer's request, as the domain sees it; the web layer
 * renders it.
 */
public final class OrderExceptions {

	private OrderExceptions() {
	}

	/** No order with that id. */
	public static class OrderNotFound extends RuntimeException {

		OrderNotFound(UUID orderId) {
			super("Order " + orderId + " does not exist");
		}

	}

	/** Lines name products the catalog does not offer. */
	public static class UnorderableItems extends RuntimeException {

		private final List<Problem> problems;

		UnorderableItems(List<Problem> problems) {
			super("The order has items that cannot be ordered");
			this.problems = List.copyOf(problems);
		}

		public List<Problem> problems() {
			return this.problems;
		}

		/** One offending line: its index in the request and why. */
		public record Problem(int line, String message) {
		}

	}

	/** The Idempotency-Key was used before for a different request. */
	public static class IdempotencyKeyReused extends RuntimeException {

		IdempotencyKeyReused(String key, UUID orderId) {
			super("Idempotency-Key '" + key + "' was already used for order " + orderId + " with a different body");
		}

	}

	/** The order has reached a state it cannot be cancelled from. */
	public static class NotCancellable extends RuntimeException {

		NotCancellable(UUID orderId, OrderStatus status) {
			super("Order " + orderId + " is " + status + " and can no longer be cancelled");
		}

	}

}
