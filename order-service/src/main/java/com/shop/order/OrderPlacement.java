package com.shop.order;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.shop.events.OrderLine;
import com.shop.messaging.EventPublisher;
import com.shop.order.OrderExceptions.IdempotencyKeyReused;
import com.shop.order.OrderExceptions.UnorderableItems;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Places orders: prices the lines from the catalog replica, stores the PENDING order and
 * publishes {@code OrderPlaced} in one transaction. A request repeated with the same
 * Idempotency-Key answers the order it created the first time.
 */
@Service
public class OrderPlacement {

	private final Orders orders;

	private final CatalogReplica catalog;

	private final EventPublisher events;

	private final TransactionTemplate transaction;

	private final OrderMetrics metrics;

	OrderPlacement(Orders orders, CatalogReplica catalog, EventPublisher events, TransactionTemplate transaction,
			OrderMetrics metrics) {
		this.orders = orders;
		this.catalog = catalog;
		this.events = events;
		this.transaction = transaction;
		this.metrics = metrics;
	}

	/**
	 * The placed order, and whether this call created it (false for an idempotent
	 * replay).
	 */
	public record Placement(Order order, boolean created) {
	}

	public Placement place(PlaceOrder request) {
		return this.metrics.placing(() -> {
			try {
				return this.transaction.execute((status) -> placeOnce(request));
			}
			catch (DataIntegrityViolationException ex) {
				// a concurrent request with the same key won the race: answer its order
				return existing(request).orElseThrow(() -> ex);
			}
		});
	}

	private Placement placeOnce(PlaceOrder request) {
		Optional<Placement> replay = existing(request);
		if (replay.isPresent()) {
			return replay.get();
		}
		Order order = Order.place(request.customerId(), request.customerEmail(), price(request.items()),
				request.paymentMethod(), request.idempotencyKey(), request.fingerprint());
		this.orders.save(order);
		this.events.publish(order.placed());
		return new Placement(order, true);
	}

	private Optional<Placement> existing(PlaceOrder request) {
		if (request.idempotencyKey() == null) {
			return Optional.empty();
		}
		return this.orders.findByIdempotencyKey(request.idempotencyKey()).map((order) -> {
			if (!order.placedWith(request.fingerprint())) {
				throw new IdempotencyKeyReused(request.idempotencyKey(), order.id());
			}
			return new Placement(order, false);
		});
	}

	private List<OrderLine> price(List<PlaceOrder.Line> lines) {
		Map<String, CatalogProduct> products = this.catalog.find(lines.stream().map(PlaceOrder.Line::sku).toList());
		List<UnorderableItems.Problem> problems = new ArrayList<>();
		List<OrderLine> priced = new ArrayList<>();
		String currency = null;
		for (int i = 0; i < lines.size(); i++) {
			PlaceOrder.Line line = lines.get(i);
			CatalogProduct product = products.get(line.sku());
			if (product == null) {
				problems.add(new UnorderableItems.Problem(i, "unknown product " + line.sku()));
			}
			else if (!product.active()) {
				problems.add(new UnorderableItems.Problem(i, "product " + line.sku() + " is no longer sold"));
			}
			else if (currency != null && !currency.equals(product.unitPrice().currency())) {
				problems.add(new UnorderableItems.Problem(i, "product " + line.sku() + " is priced in "
						+ product.unitPrice().currency() + ", the rest of the order in " + currency));
			}
			else {
				currency = product.unitPrice().currency();
				priced.add(new OrderLine(line.sku(), line.quantity(), product.unitPrice()));
			}
		}
		if (!problems.isEmpty()) {
			throw new UnorderableItems(problems);
		}
		return priced;
	}

}
