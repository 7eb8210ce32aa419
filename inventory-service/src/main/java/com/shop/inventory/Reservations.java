package com.shop.inventory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.shop.events.OrderCancelled;
import com.shop.events.OrderConfirmed;
import com.shop.events.OrderLine;
import com.shop.events.OrderPlaced;
import com.shop.events.RejectionReason;
import com.shop.events.StockLine;
import com.shop.events.StockRejected;
import com.shop.events.StockReleased;
import com.shop.events.StockReserved;
import com.shop.events.StockShortage;
import com.shop.messaging.EventPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Holds stock for orders, all lines or none, and commits or releases it when the order
 * ends. Each call runs inside the transaction of the consumed event, together with the
 * events it publishes; an event that does not fit the reservation's state is ignored.
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
public class Reservations {

	private static final Logger log = LoggerFactory.getLogger(Reservations.class);

	private final ProductRepository products;

	private final ReservationRepository reservations;

	private final EventPublisher events;

	Reservations(ProductRepository products, ReservationRepository reservations, EventPublisher events) {
		this.products = products;
		this.reservations = reservations;
		this.events = events;
	}

	/**
	 * Reserves every line of the order, or none when a product is unknown, inactive or
	 * short. An order that already has a reservation is left as it is.
	 */
	public void reserve(OrderPlaced order) {
		UUID orderId = order.orderId();
		if (this.reservations.existsById(orderId)) {
			log.debug("Order {} already has a reservation; ignoring the repeated OrderPlaced", orderId);
			return;
		}
		SortedMap<String, Integer> requested = merged(order.items());
		Map<String, Product> products = lock(requested.keySet());
		List<StockShortage> unknown = new ArrayList<>();
		List<StockShortage> shortLines = new ArrayList<>();
		requested.forEach((sku, quantity) -> {
			Product product = products.get(sku);
			if (product == null || !product.isActive()) {
				unknown.add(new StockShortage(sku, quantity, 0));
			}
			else if (!product.canReserve(quantity)) {
				shortLines.add(new StockShortage(sku, quantity, product.available()));
			}
		});
		if (!unknown.isEmpty()) {
			reject(orderId, RejectionReason.UNKNOWN_PRODUCT, unknown);
		}
		else if (!shortLines.isEmpty()) {
			reject(orderId, RejectionReason.OUT_OF_STOCK, shortLines);
		}
		else {
			List<ReservationLine> lines = new ArrayList<>();
			requested.forEach((sku, quantity) -> {
				products.get(sku).reserve(quantity);
				lines.add(new ReservationLine(sku, quantity));
			});
			this.reservations.save(Reservation.held(orderId, lines));
			this.events.publish(new StockReserved(orderId, stockLines(lines)));
		}
	}

	/** The order was confirmed: its held units leave the stock. */
	public void commit(OrderConfirmed confirmed) {
		held(confirmed.orderId(), "OrderConfirmed").ifPresent((reservation) -> {
			Map<String, Product> products = lock(skus(reservation));
			reservation.lines().forEach((line) -> products.get(line.sku()).commit(line.quantity()));
			reservation.commit();
		});
	}

	/** The order was cancelled: its held units are available again. */
	public void release(OrderCancelled cancelled) {
		held(cancelled.orderId(), "OrderCancelled").ifPresent((reservation) -> {
			Map<String, Product> products = lock(skus(reservation));
			reservation.lines().forEach((line) -> products.get(line.sku()).release(line.quantity()));
			reservation.release();
			this.events.publish(new StockReleased(reservation.orderId(), stockLines(reservation.lines())));
		});
	}

	private Optional<Reservation> held(UUID orderId, String event) {
		Optional<Reservation> reservation = this.reservations.findById(orderId);
		if (reservation.isEmpty() || !reservation.get().isHeld()) {
			log.debug("Ignoring {} of order {}: it holds no stock ({})", event, orderId,
					reservation.map(Reservation::status).map(Enum::name).orElse("never reserved"));
			return Optional.empty();
		}
		return reservation;
	}

	private void reject(UUID orderId, RejectionReason reason, List<StockShortage> items) {
		this.reservations.save(Reservation.rejected(orderId));
		this.events.publish(new StockRejected(orderId, reason, items));
	}

	private Map<String, Product> lock(Collection<String> skus) {
		if (skus.isEmpty()) {
			return Map.of();
		}
		return this.products.lockAllInSkuOrder(skus)
			.stream()
			.collect(Collectors.toMap(Product::sku, Function.identity()));
	}

	/** Quantities per sku, duplicate lines of one sku added up, in sku order. */
	private static SortedMap<String, Integer> merged(List<OrderLine> items) {
		SortedMap<String, Integer> merged = new TreeMap<>();
		items.forEach((line) -> merged.merge(line.sku(), line.quantity(), Math::addExact));
		return merged;
	}

	private static List<String> skus(Reservation reservation) {
		return reservation.lines().stream().map(ReservationLine::sku).toList();
	}

	private static List<StockLine> stockLines(List<ReservationLine> lines) {
		return lines.stream().map((line) -> new StockLine(line.sku(), line.quantity())).toList();
	}

}
