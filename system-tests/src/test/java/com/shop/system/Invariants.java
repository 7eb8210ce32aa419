package com.shop.system;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import com.shop.events.Envelope;
import com.shop.testsupport.TopicRecorder;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import tools.jackson.databind.JsonNode;

import static org.awaitility.Awaitility.await;

/**
 * The pipeline's guarantees, checked after a stream of orders went through a fault: every
 * acknowledged order settles, nobody is charged twice or left charged for a cancelled
 * order, stock adds up and is never oversold, every timeline is in causal order, and the
 * outbox relay published each event once.
 */
final class Invariants {

	private Invariants() {
	}

	/** What was observed; {@link #violations()} lists what breaks a guarantee. */
	record Report(String fault, int acknowledged, int refused, int confirmed, Map<String, Integer> cancelled, int lost,
			int doubleCharges, int confirmedWithoutPayment, int unrefunded, int oversoldUnits, int stockMismatches,
			int timelineViolations, int duplicatePublications, long settleMillis) {

		List<String> violations(boolean duplicatePublicationsExpected) {
			List<String> violations = new ArrayList<>();
			check(violations, this.lost, "orders lost or never settled");
			check(violations, this.doubleCharges, "orders charged more than once");
			check(violations, this.confirmedWithoutPayment, "confirmed orders without exactly one completed payment");
			check(violations, this.unrefunded, "cancelled orders left charged");
			check(violations, this.oversoldUnits, "units oversold");
			check(violations, this.stockMismatches, "products whose stock does not add up");
			check(violations, this.timelineViolations, "timelines out of causal order");
			if (!duplicatePublicationsExpected) {
				check(violations, this.duplicatePublications, "events published twice");
			}
			return violations;
		}

		private static void check(List<String> violations, int count, String what) {
			if (count != 0) {
				violations.add(count + " " + what);
			}
		}

		String line() {
			return String
				.format("[figures] %s: acknowledged %d (refused while down %d), confirmed %d, cancelled %s, lost %d,"
						+ " double charges %d, unrefunded %d, oversold units %d, stock mismatches %d,"
						+ " timeline violations %d, duplicate publications %d, settled %.1f s after the fault ended",
						this.fault, this.acknowledged, this.refused, this.confirmed, this.cancelled, this.lost,
						this.doubleCharges, this.unrefunded, this.oversoldUnits, this.stockMismatches,
						this.timelineViolations, this.duplicatePublications, this.settleMillis / 1000.0);
		}

	}

	static Report check(String fault, Shop shop, OrderStream stream, Map<String, Integer> initialStock,
			TopicRecorder topics, long faultEndedNanos) {
		List<String> orderIds = stream.acknowledged();
		Map<String, JsonNode> settled = awaitSettled(shop, orderIds);
		long settleMillis = (System.nanoTime() - faultEndedNanos) / 1_000_000;

		int confirmed = 0;
		Map<String, Integer> cancelled = new TreeMap<>();
		Map<String, Integer> confirmedUnits = new HashMap<>();
		for (JsonNode order : settled.values()) {
			String id = order.get("orderId").asString();
			if ("CONFIRMED".equals(order.get("status").asString())) {
				confirmed++;
				confirmedUnits.merge(stream.sku(id), stream.quantity(id), Integer::sum);
			}
			else {
				cancelled.merge(order.get("cancellationReason").asString(), 1, Integer::sum);
			}
		}
		Payments payments = awaitPayments(shop, settled);
		Stock stock = awaitStock(shop, initialStock, confirmedUnits);
		int timelineViolations = (int) settled.keySet().stream().filter((id) -> !causal(shop, id)).count();
		return new Report(fault, orderIds.size(), stream.refused(), confirmed, cancelled,
				orderIds.size() - settled.size(), payments.doubleCharges, payments.confirmedWithoutPayment,
				payments.unrefunded, stock.oversold, stock.mismatches, timelineViolations,
				duplicatePublications(topics, new HashSet<>(orderIds)), settleMillis);
	}

	private static Map<String, JsonNode> awaitSettled(Shop shop, List<String> orderIds) {
		Map<String, JsonNode> settled = new HashMap<>();
		try {
			await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).until(() -> {
				for (String id : orderIds) {
					if (!settled.containsKey(id)) {
						JsonNode order = shop.order(id);
						String status = order.get("status").asString();
						if ("CONFIRMED".equals(status) || "CANCELLED".equals(status)) {
							settled.put(id, order);
						}
					}
				}
				return settled.size() == orderIds.size();
			});
		}
		catch (org.awaitility.core.ConditionTimeoutException ex) {
			// reported as lost
		}
		return settled;
	}

	private record Payments(int doubleCharges, int confirmedWithoutPayment, int unrefunded) {
	}

	/** Waits for refunds of payments that completed after their order was cancelled. */
	private static Payments awaitPayments(Shop shop, Map<String, JsonNode> orders) {
		Map<String, JsonNode> paymentsByOrder = new HashMap<>();
		try {
			await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
				orders.keySet()
					.forEach((id) -> paymentsByOrder.put(id, Shop.get(shop.payments, "/api/payments?orderId=" + id)));
				return tally(orders, paymentsByOrder).unrefunded() == 0;
			});
		}
		catch (org.awaitility.core.ConditionTimeoutException ex) {
			// reported as unrefunded
		}
		return tally(orders, paymentsByOrder);
	}

	private static Payments tally(Map<String, JsonNode> orders, Map<String, JsonNode> paymentsByOrder) {
		int doubleCharges = 0;
		int confirmedWithoutPayment = 0;
		int unrefunded = 0;
		for (Map.Entry<String, JsonNode> entry : orders.entrySet()) {
			JsonNode payments = paymentsByOrder.get(entry.getKey());
			List<String> statuses = payments.valueStream().map((p) -> p.get("status").asString()).toList();
			long charged = statuses.stream().filter((s) -> !"FAILED".equals(s)).count();
			if (payments.size() > 1 || charged > 1) {
				doubleCharges++;
			}
			boolean confirmed = "CONFIRMED".equals(entry.getValue().get("status").asString());
			if (confirmed && !statuses.equals(List.of("COMPLETED"))) {
				confirmedWithoutPayment++;
			}
			if (!confirmed && statuses.contains("COMPLETED")) {
				unrefunded++;
			}
		}
		return new Payments(doubleCharges, confirmedWithoutPayment, unrefunded);
	}

	private record Stock(int oversold, int mismatches) {
	}

	/** Waits until nothing is reserved any more, then checks that the stock adds up. */
	private static Stock awaitStock(Shop shop, Map<String, Integer> initialStock, Map<String, Integer> confirmedUnits) {
		Map<String, JsonNode> products = new HashMap<>();
		try {
			await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() -> {
				initialStock.keySet().forEach((sku) -> products.put(sku, shop.product(sku)));
				return products.values().stream().allMatch((p) -> p.get("reserved").asInt() == 0);
			});
		}
		catch (org.awaitility.core.ConditionTimeoutException ex) {
			// reported as a mismatch
		}
		int oversold = 0;
		int mismatches = 0;
		for (Map.Entry<String, Integer> initial : initialStock.entrySet()) {
			JsonNode product = products.get(initial.getKey());
			int sold = confirmedUnits.getOrDefault(initial.getKey(), 0);
			oversold += Math.max(0, sold - initial.getValue());
			if (product.get("reserved").asInt() != 0 || product.get("onHand").asInt() + sold != initial.getValue()) {
				mismatches++;
			}
		}
		return new Stock(oversold, mismatches);
	}

	/**
	 * An order's timeline is causal when it starts with its placement, asks for payment
	 * only after stock was reserved, confirms only after the payment completed, and asks
	 * for a refund only after it was cancelled and paid.
	 */
	static boolean causal(Shop shop, String orderId) {
		List<String> types = Shop.get(shop.orders, "/api/orders/" + orderId + "/events")
			.valueStream()
			.map((entry) -> entry.get("type").asString())
			.toList();
		return !types.isEmpty() && types.get(0).equals("shop.order.placed.v1")
				&& before(types, "shop.inventory.stock-reserved.v1", "shop.order.payment-requested.v1")
				&& before(types, "shop.payment.completed.v1", "shop.order.confirmed.v1")
				&& before(types, "shop.order.cancelled.v1", "shop.order.refund-requested.v1")
				&& before(types, "shop.payment.completed.v1", "shop.order.refund-requested.v1")
				&& before(types, "shop.order.refund-requested.v1", "shop.payment.refunded.v1");
	}

	/** If {@code later} occurs, {@code earlier} occurs before it. */
	private static boolean before(List<String> types, String earlier, String later) {
		int laterAt = types.indexOf(later);
		return laterAt < 0 || (types.indexOf(earlier) >= 0 && types.indexOf(earlier) < laterAt);
	}

	/**
	 * Events of these orders that appear more than once on the topics with the same
	 * ce_id.
	 */
	private static int duplicatePublications(TopicRecorder topics, Set<String> orderIds) {
		Map<String, Long> counts = topics
			.records((record) -> orderIds.contains(record.key()) && TopicRecorder.header(record, Envelope.ID) != null)
			.stream()
			.collect(Collectors.groupingBy(
					(ConsumerRecord<String, byte[]> record) -> TopicRecorder.header(record, Envelope.ID),
					Collectors.counting()));
		return (int) counts.values().stream().filter((count) -> count > 1).count();
	}

}
