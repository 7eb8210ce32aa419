package com.shop.inventory;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import com.shop.events.OrderCancelled;
import com.shop.events.OrderConfirmed;
import com.shop.events.OrderLine;
import com.shop.events.OrderPlaced;
import com.shop.events.RejectionReason;
import com.shop.events.ShopEvent;
import com.shop.events.StockLine;
import com.shop.events.StockRejected;
import com.shop.events.StockReleased;
import com.shop.events.StockReserved;
import com.shop.events.StockShortage;
import com.shop.messaging.BatchState;
import com.shop.messaging.EventPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Holds stock for orders, all lines or none, and commits or releases it when the order
 * ends. It works on a batch of order events at a time, inside the batch's transaction:
 * {@link #prepare} reads and locks what the batch touches ({@link StockBatch}), each
 * event then changes it in memory, in order, and the changes are written with a few
 * set-based statements before the transaction commits, together with the events
 * published. An event that does not fit the reservation's state is ignored.
 */
@Service
public class Reservations {

	private static final Logger log = LoggerFactory.getLogger(Reservations.class);

	private final JdbcTemplate jdbc;

	private final EventPublisher events;

	private final BatchState<StockBatch> batch = new BatchState<>();

	Reservations(JdbcTemplate jdbc, EventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
	}

	/**
	 * Reads and locks what the batch's events touch, and writes it back before commit.
	 */
	public void prepare(List<ShopEvent> events) {
		Set<UUID> orderIds = new HashSet<>();
		SortedSet<String> skus = new TreeSet<>();
		for (ShopEvent event : events) {
			orderIds.add(UUID.fromString(event.subject()));
			if (event instanceof OrderPlaced placed) {
				placed.items().forEach((line) -> skus.add(line.sku()));
			}
		}
		this.batch.bind(StockBatch.read(this.jdbc, orderIds, skus), (changed) -> changed.write(this.jdbc));
	}

	/**
	 * Reserves every line of the order, or none when a product is unknown, inactive or
	 * short. An order that already has a reservation is left as it is.
	 */
	public void reserve(OrderPlaced order) {
		StockBatch stock = stock();
		UUID orderId = order.orderId();
		if (stock.reservation(orderId).isPresent()) {
			log.debug("Order {} already has a reservation; ignoring the repeated OrderPlaced", orderId);
			return;
		}
		SortedMap<String, Integer> requested = merged(order.items());
		List<StockShortage> unknown = new ArrayList<>();
		List<StockShortage> shortLines = new ArrayList<>();
		requested.forEach((sku, quantity) -> {
			Product product = stock.product(sku);
			if (product == null || !product.isActive()) {
				unknown.add(new StockShortage(sku, quantity, 0));
			}
			else if (!product.canReserve(quantity)) {
				shortLines.add(new StockShortage(sku, quantity, product.available()));
			}
		});
		if (!unknown.isEmpty()) {
			reject(stock, orderId, RejectionReason.UNKNOWN_PRODUCT, unknown);
		}
		else if (!shortLines.isEmpty()) {
			reject(stock, orderId, RejectionReason.OUT_OF_STOCK, shortLines);
		}
		else {
			List<ReservationLine> lines = new ArrayList<>();
			requested.forEach((sku, quantity) -> {
				stock.product(sku).reserve(quantity);
				lines.add(new ReservationLine(sku, quantity));
			});
			stock.add(Reservation.held(orderId, lines));
			this.events.publish(new StockReserved(orderId, stockLines(lines)));
		}
	}

	/** The order was confirmed: its held units leave the stock. */
	public void commit(OrderConfirmed confirmed) {
		StockBatch stock = stock();
		held(stock, confirmed.orderId(), "OrderConfirmed").ifPresent((reservation) -> {
			reservation.lines().forEach((line) -> stock.product(line.sku()).commit(line.quantity()));
			reservation.commit();
			stock.ended(reservation);
		});
	}

	/** The order was cancelled: its held units are available again. */
	public void release(OrderCancelled cancelled) {
		StockBatch stock = stock();
		held(stock, cancelled.orderId(), "OrderCancelled").ifPresent((reservation) -> {
			reservation.lines().forEach((line) -> stock.product(line.sku()).release(line.quantity()));
			reservation.release();
			stock.ended(reservation);
			this.events.publish(new StockReleased(reservation.orderId(), stockLines(reservation.lines())));
		});
	}

	private StockBatch stock() {
		return this.batch.current()
			.orElseThrow(() -> new IllegalStateException("reservations change inside a prepared batch of events"));
	}

	private static Optional<Reservation> held(StockBatch stock, UUID orderId, String event) {
		Optional<Reservation> reservation = stock.reservation(orderId);
		if (reservation.isEmpty() || !reservation.get().isHeld()) {
			log.debug("Ignoring {} of order {}: it holds no stock ({})", event, orderId,
					reservation.map(Reservation::status).map(Enum::name).orElse("never reserved"));
			return Optional.empty();
		}
		return reservation;
	}

	private void reject(StockBatch stock, UUID orderId, RejectionReason reason, List<StockShortage> items) {
		stock.add(Reservation.rejected(orderId));
		this.events.publish(new StockRejected(orderId, reason, items));
	}

	/** Quantities per sku, duplicate lines of one sku added up, in sku order. */
	private static SortedMap<String, Integer> merged(List<OrderLine> items) {
		SortedMap<String, Integer> merged = new TreeMap<>();
		items.forEach((line) -> merged.merge(line.sku(), line.quantity(), Math::addExact));
		return merged;
	}

	private static List<StockLine> stockLines(List<ReservationLine> lines) {
		return lines.stream().map((line) -> new StockLine(line.sku(), line.quantity())).toList();
	}

}
