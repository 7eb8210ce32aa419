package com.shop.system;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.http.MediaType;

/**
 * Places a stream of mixed orders at a steady pace from a few clients, as shoppers would
 * while something fails: most in stock and paid, some for a product that runs out, some
 * with a card that is declined. Keeps every order that was acknowledged (202); a
 * placement that was not acknowledged (the service was down) is counted, not retried,
 * since the shopper was told.
 */
final class OrderStream {

	private static final int CLIENTS = 4;

	private final Shop shop;

	private final String plentiful;

	private final String scarce;

	private final List<String> acknowledged = new CopyOnWriteArrayList<>();

	private final Map<String, Integer> quantities = new ConcurrentHashMap<>();

	private final Map<String, String> skus = new ConcurrentHashMap<>();

	private final AtomicInteger refused = new AtomicInteger();

	private ExecutorService clients;

	OrderStream(Shop shop, String plentiful, String scarce) {
		this.shop = shop;
		this.plentiful = plentiful;
		this.scarce = scarce;
	}

	/**
	 * Starts placing {@code count} orders spread over {@code duration}; returns at once.
	 */
	OrderStream start(int count, Duration duration) {
		this.clients = Executors.newFixedThreadPool(CLIENTS);
		long pauseMillis = duration.toMillis() * CLIENTS / count;
		AtomicInteger next = new AtomicInteger();
		for (int c = 0; c < CLIENTS; c++) {
			this.clients.submit(() -> {
				int i;
				while ((i = next.getAndIncrement()) < count) {
					placeOne(i);
					pause(pauseMillis);
				}
			});
		}
		this.clients.shutdown();
		return this;
	}

	/** Waits until every placement was attempted. */
	OrderStream awaitPlaced() throws InterruptedException {
		if (!this.clients.awaitTermination(5, TimeUnit.MINUTES)) {
			throw new IllegalStateException("placing orders did not finish");
		}
		return this;
	}

	private void placeOne(int i) {
		String sku = (i % 7 == 3) ? this.scarce : this.plentiful;
		String paymentMethod = (i % 8 == 5) ? "tok_chargeDeclined" : "tok_visa";
		int quantity = 1 + (i % 3);
		String customer = "stream-" + UUID.randomUUID().toString().substring(0, 8);
		try {
			var result = this.shop.orders.post()
				.uri("/api/orders")
				.contentType(MediaType.APPLICATION_JSON)
				.body(Shop.orderJson(customer, customer + "@example.com", sku, quantity, paymentMethod))
				.exchange()
				.returnResult(String.class);
			if (result.getStatus().value() == 202) {
				String orderId = Shop.parse(result.getResponseBody()).get("orderId").asString();
				this.acknowledged.add(orderId);
				this.quantities.put(orderId, quantity);
				this.skus.put(orderId, sku);
			}
			else {
				this.refused.incrementAndGet();
			}
		}
		catch (RuntimeException ex) {
			// connection refused while order-service is down: the shopper saw an error
			this.refused.incrementAndGet();
		}
	}

	List<String> acknowledged() {
		return List.copyOf(this.acknowledged);
	}

	int quantity(String orderId) {
		return this.quantities.get(orderId);
	}

	String sku(String orderId) {
		return this.skus.get(orderId);
	}

	int refused() {
		return this.refused.get();
	}

	private static void pause(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
