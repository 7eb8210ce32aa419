package com.shop.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;

import com.shop.events.EventJson;

/**
 * The benchmark's own products in inventory-service: {@value #PRODUCTS} products with a
 * large stock, topped up in the background when it runs low, and one active product that
 * never has stock (for the out-of-stock share). Uses the admin API, with basic auth when
 * {@code SHOP_ADMIN_USER} and {@code SHOP_ADMIN_PASSWORD} are set.
 */
final class BenchCatalog implements AutoCloseable {

	static final int PRODUCTS = 20;

	static final String OUT_OF_STOCK_SKU = "BENCH-OOS";

	private static final int TOP_UP = 1_000_000;

	private static final int LOW_WATER = 400_000;

	private final HttpClient http;

	private final String inventoryUrl;

	private final String orderUrl;

	private final String authorization;

	private final ScheduledExecutorService restocker = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "bench-restocker");
		thread.setDaemon(true);
		return thread;
	});

	private volatile int restocks;

	BenchCatalog(HttpClient http, String inventoryUrl, String orderUrl) {
		this.http = http;
		this.inventoryUrl = inventoryUrl;
		this.orderUrl = orderUrl;
		this.authorization = StackLogins.httpAuthorization();
	}

	List<String> skus() {
		List<String> skus = new ArrayList<>();
		for (int i = 1; i <= PRODUCTS; i++) {
			skus.add(String.format(Locale.ROOT, "BENCH-%02d", i));
		}
		return skus;
	}

	/**
	 * Creates or refreshes the products, stocks them, and waits until order-service's
	 * catalog replica knows them all.
	 */
	void prepare() throws IOException, InterruptedException {
		List<String> skus = skus();
		for (int i = 0; i < skus.size(); i++) {
			// 5.00 to 47.75 EUR: four lines of three units stay far below the payment
			// limit
			String price = String.format(Locale.ROOT, "%.2f", 5.0 + i * 2.25);
			put(skus.get(i), "Benchmark product " + (i + 1), price);
		}
		put(OUT_OF_STOCK_SKU, "Benchmark product never in stock", "9.99");
		JsonNode oos = get("/api/products/" + OUT_OF_STOCK_SKU);
		if (oos.path("available").asInt() > 0) {
			Console.say("warning: %s has %d in stock; the out-of-stock share will confirm instead", OUT_OF_STOCK_SKU,
					oos.path("available").asInt());
		}
		topUp();
		awaitOrderable(skus);
		this.restocker.scheduleWithFixedDelay(this::topUpQuietly, 5, 5, TimeUnit.SECONDS);
	}

	int restocks() {
		return this.restocks;
	}

	private void awaitOrderable(List<String> skus) throws IOException, InterruptedException {
		StringBuilder items = new StringBuilder();
		for (String sku : skus) {
			items.append((items.length() > 0) ? "," : "")
				.append("{\"sku\":\"")
				.append(sku)
				.append("\",\"quantity\":1}");
		}
		items.append(",{\"sku\":\"").append(OUT_OF_STOCK_SKU).append("\",\"quantity\":1}");
		// a probe order of every product (it ends CANCELLED, out of stock)
		String body = "{\"customerId\":\"bench-probe\",\"customerEmail\":\"bench-probe@example.com\","
				+ "\"paymentMethod\":\"tok_visa\",\"items\":[" + items + "]}";
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (true) {
			HttpResponse<String> response = this.http
				.send(HttpRequest.newBuilder(URI.create(this.orderUrl + "/api/orders"))
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString(body))
					.build(), HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() == 202) {
				return;
			}
			if (response.statusCode() != 422 || System.nanoTime() > deadline) {
				throw new IOException("order-service does not take the benchmark products: HTTP "
						+ response.statusCode() + " " + response.body());
			}
			Thread.sleep(500);
		}
	}

	private void topUpQuietly() {
		try {
			topUp();
		}
		catch (IOException | RuntimeException ex) {
			Console.say("restocking failed: %s", ex.getMessage());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void topUp() throws IOException, InterruptedException {
		for (String sku : skus()) {
			JsonNode product = get("/api/products/" + sku);
			if (product.path("available").asInt() < LOW_WATER) {
				send("POST", "/api/products/" + sku + "/restock", "{\"quantity\":" + TOP_UP + "}");
				this.restocks++;
			}
		}
	}

	private void put(String sku, String name, String price) throws IOException, InterruptedException {
		send("PUT", "/api/products/" + sku, "{\"name\":\"" + name + "\",\"unitPrice\":{\"amount\":\"" + price
				+ "\",\"currency\":\"EUR\"},\"active\":true}");
	}

	private JsonNode get(String path) throws IOException, InterruptedException {
		return EventJson.mapper().readTree(send("GET", path, null));
	}

	private String send(String method, String path, String body) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.inventoryUrl + path))
			.timeout(Duration.ofSeconds(10))
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		if (this.authorization != null) {
			request.header("Authorization", this.authorization);
		}
		HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() / 100 != 2) {
			throw new IOException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
		}
		return response.body();
	}

	@Override
	public void close() {
		this.restocker.shutdownNow();
	}

}
