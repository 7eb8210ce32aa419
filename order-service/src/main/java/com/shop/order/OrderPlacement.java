package com.shop.order;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.shop.events.OrderLine;
import com.shop.order.OrderExceptions.IdempotencyKeyReused;
import com.shop.order.OrderExceptions.UnorderableItems;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;

/**
 * Places orders: prices the lines from the catalog replica, stores the PENDING order and
 * publishes {@code OrderPlaced} in one transaction (shared with the orders placed at the
 * same moment: {@link PlacementWriter}). A request repeated with the same Idempotency-Key
 * answers the order it created the first time: the key is unique in the table, so a
 * placement is tried first and the earlier order looked up only when the key turns out to
 * be taken (a retry is the exception; a query before every keyed placement would cost
 * them all).
 */
@Service
public class OrderPlacement {

	private final Orders orders;

	private final CatalogReplica catalog;

	private final PlacementWriter writer;

	private final OrderMetrics metrics;

	OrderPlacement(Orders orders, CatalogReplica catalog, PlacementWriter writer, OrderMetrics metrics) {
		this.orders = orders;
		this.catalog = catalog;
		this.writer = writer;
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
			Order order = Order.place(request.customerId(), request.customerEmail(), price(request.items()),
					request.paymentMethod(), request.idempotencyKey(), request.fingerprint());
			try {
				this.writer.store(order);
				return new Placement(order, true);
			}
			catch (DataIntegrityViolationException ex) {
				// the key was used before (a retry, or a concurrent request): answer its
				// order
				return existing(request).orElseThrow(() -> ex);
			}
		});
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
