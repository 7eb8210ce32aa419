package com.shop.order;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.shop.messaging.BackgroundLoop;
import com.shop.messaging.EventPublisher;
import com.shop.messaging.SqlArrays;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores placed orders, many to a transaction: the requests placing orders at the same
 * moment hand their orders to one writer, which stores all that are waiting (each order,
 * its lines and its {@code OrderPlaced}) with one statement per table and one commit, and
 * answers each request once that commit is done. A lone order is written at once, so
 * waiting costs it nothing; under load, the cost of a commit is shared by the orders
 * around it (group commit). If the batch fails, its orders are written one transaction
 * each, so only an order that cannot be stored (a repeated Idempotency-Key) fails.
 */
@Component
class PlacementWriter extends BackgroundLoop {

	private static final Logger log = LoggerFactory.getLogger(PlacementWriter.class);

	private static final int MAX_BATCH = 200;

	/** Longer than a connection takes to time out, so a database outage answers first. */
	private static final long WAIT_SECONDS = 10;

	private static final String INSERT_ORDERS = """
			insert into orders (id, status, customer_id, customer_email, payment_method, total_amount, currency,
			    idempotency_key, request_fingerprint, created_at, updated_at)
			select * from unnest(?::uuid[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::numeric[],
			    ?::varchar[], ?::varchar[], ?::varchar[], ?::timestamptz[], ?::timestamptz[])
			""";

	private static final String INSERT_ITEMS = """
			insert into order_item (order_id, line_no, sku, quantity, unit_price)
			select * from unnest(?::uuid[], ?::int[], ?::varchar[], ?::int[], ?::numeric[])
			""";

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transaction;

	private final EventPublisher events;

	private final Tracer tracer;

	private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();

	PlacementWriter(JdbcTemplate jdbc, TransactionTemplate transaction, EventPublisher events, Tracer tracer) {
		// on stop it stores what is queued (the web server has finished its requests)
		super("placement-writer", Duration.ofSeconds(WAIT_SECONDS));
		this.jdbc = jdbc;
		this.transaction = transaction;
		this.events = events;
		this.tracer = tracer;
	}

	/** An order waiting to be stored, with the request's span for its event's trace. */
	private record Pending(Order order, Span span, CompletableFuture<Void> stored) {
	}

	private record Line(Order order, int lineNo, OrderItem item) {
	}

	/**
	 * Stores the new order and publishes its {@code OrderPlaced}; returns once both are
	 * committed.
	 * @throws org.springframework.dao.DataAccessException when they could not be stored
	 */
	void store(Order order) {
		Pending pending = new Pending(order, this.tracer.currentSpan(), new CompletableFuture<>());
		if (!running()) {
			write(List.of(pending));
		}
		else {
			this.queue.add(pending);
		}
		try {
			pending.stored().get(WAIT_SECONDS, TimeUnit.SECONDS);
		}
		catch (ExecutionException ex) {
			throw (ex.getCause() instanceof RuntimeException runtime) ? runtime
					: new IllegalStateException(ex.getCause());
		}
		catch (TimeoutException ex) {
			throw new QueryTimeoutException("the order was not stored within " + WAIT_SECONDS + " s", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while the order was being stored", ex);
		}
	}

	/** After the web server (which still places orders), before the outbox relay. */
	@Override
	public int getPhase() {
		return 1;
	}

	@Override
	protected void run() {
		List<Pending> batch = new ArrayList<>();
		while (running() || !this.queue.isEmpty()) {
			try {
				Pending first = this.queue.poll(100, TimeUnit.MILLISECONDS);
				if (first == null) {
					continue;
				}
				batch.add(first);
				this.queue.drainTo(batch, MAX_BATCH - 1);
				write(batch);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (RuntimeException ex) {
				log.error("Storing placed orders failed unexpectedly", ex);
				batch.forEach((pending) -> pending.stored().completeExceptionally(ex));
			}
			finally {
				batch.clear();
			}
		}
	}

	private void write(List<Pending> batch) {
		try {
			this.transaction.executeWithoutResult((status) -> insert(batch));
			batch.forEach((pending) -> pending.stored().complete(null));
		}
		catch (RuntimeException ex) {
			if (batch.size() == 1) {
				batch.get(0).stored().completeExceptionally(ex);
				return;
			}
			for (Pending pending : batch) {
				try {
					this.transaction.executeWithoutResult((status) -> insert(List.of(pending)));
					pending.stored().complete(null);
				}
				catch (RuntimeException failure) {
					pending.stored().completeExceptionally(failure);
				}
			}
		}
	}

	private void insert(List<Pending> batch) {
		List<Order> orders = batch.stream().map(Pending::order).toList();
		this.jdbc.update(INSERT_ORDERS, (statement) -> {
			SqlArrays.bind(statement, 1, "uuid", orders, Order::id);
			SqlArrays.bind(statement, 2, "varchar", orders, (order) -> order.status().name());
			SqlArrays.bind(statement, 3, "varchar", orders, Order::customerId);
			SqlArrays.bind(statement, 4, "varchar", orders, Order::customerEmail);
			SqlArrays.bind(statement, 5, "varchar", orders, Order::paymentMethod);
			SqlArrays.bind(statement, 6, "numeric", orders, (order) -> order.total().amount());
			SqlArrays.bind(statement, 7, "varchar", orders, Order::currency);
			SqlArrays.bind(statement, 8, "varchar", orders, Order::idempotencyKey);
			SqlArrays.bind(statement, 9, "varchar", orders, Order::requestFingerprint);
			SqlArrays.bind(statement, 10, "timestamptz", orders, Order::createdAt);
			SqlArrays.bind(statement, 11, "timestamptz", orders, Order::updatedAt);
		});
		List<Line> lines = new ArrayList<>();
		for (Order order : orders) {
			List<OrderItem> items = order.items();
			for (int i = 0; i < items.size(); i++) {
				lines.add(new Line(order, i, items.get(i)));
			}
		}
		this.jdbc.update(INSERT_ITEMS, (statement) -> {
			SqlArrays.bind(statement, 1, "uuid", lines, (line) -> line.order().id());
			SqlArrays.bind(statement, 2, "int4", lines, Line::lineNo);
			SqlArrays.bind(statement, 3, "varchar", lines, (line) -> line.item().sku());
			SqlArrays.bind(statement, 4, "int4", lines, (line) -> line.item().quantity());
			SqlArrays.bind(statement, 5, "numeric", lines, (line) -> line.item().unitPrice());
		});
		for (Pending pending : batch) {
			// the event continues the trace of the request that placed the order
			try (Tracer.SpanInScope scope = this.tracer.withSpan(pending.span())) {
				this.events.publish(pending.order().placed());
			}
		}
	}

}
