package com.shop.bench;

import java.net.URI;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.reactor.IOReactorConfig;
import org.apache.hc.core5.util.Timeout;

import com.shop.bench.OrderMix.PlannedOrder;

/**
 * Sends placements without a thread per request: Apache HttpClient's non-blocking I/O on
 * one reactor thread, HTTP/1.1 with kept-alive connections from a pool. The generator
 * shares the machine it measures, so what it spends per order is taken from the services;
 * a placement costs it some tens of microseconds this way.
 */
final class HttpPlacer implements AutoCloseable {

	/** What became of one placement. */
	interface Answer {

		void accepted(UUID orderId, long answeredNanos);

		void failed(String kind, String detail, long answeredNanos);

	}

	private final CloseableHttpAsyncClient client;

	private final URI orders;

	private final String authorization;

	HttpPlacer(String orderUrl, int maxConnections) {
		this.client = HttpAsyncClients.custom()
			.setIOReactorConfig(IOReactorConfig.custom().setIoThreadCount(1).build())
			.setConnectionManager(PoolingAsyncClientConnectionManagerBuilder.create()
				.setMaxConnTotal(maxConnections)
				.setMaxConnPerRoute(maxConnections)
				.setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(Timeout.ofSeconds(5)).build())
				.build())
			.setDefaultRequestConfig(RequestConfig.custom()
				.setResponseTimeout(Timeout.ofSeconds(30))
				.setConnectionRequestTimeout(Timeout.ofSeconds(30))
				.build())
			.disableCookieManagement()
			.disableAutomaticRetries()
			.disableRedirectHandling()
			.build();
		this.client.start();
		this.orders = URI.create(orderUrl + "/api/orders");
		this.authorization = StackLogins.httpAuthorization();
	}

	void place(PlannedOrder order, Answer answer) {
		SimpleRequestBuilder builder = SimpleRequestBuilder.post(this.orders)
			.setHeader("Idempotency-Key", order.idempotencyKey())
			.setBody(order.body(), ContentType.APPLICATION_JSON);
		if (this.authorization != null) {
			// as admin, so the per-client rate limit does not throttle the generator
			builder.setHeader("Authorization", this.authorization);
		}
		SimpleHttpRequest request = builder.build();
		this.client.execute(request, new FutureCallback<>() {

			@Override
			public void completed(SimpleHttpResponse response) {
				long answered = System.nanoTime();
				if (response.getCode() != 202) {
					answer.failed("HTTP " + response.getCode(), response.getBodyText(), answered);
					return;
				}
				String location = (response.getFirstHeader("Location") != null)
						? response.getFirstHeader("Location").getValue() : "";
				try {
					answer.accepted(UUID.fromString(location.substring(location.lastIndexOf('/') + 1)), answered);
				}
				catch (IllegalArgumentException ex) {
					answer.failed("202 without an order location", location, answered);
				}
			}

			@Override
			public void failed(Exception ex) {
				String kind = ex.getClass().getSimpleName();
				answer.failed(kind.contains("Timeout") ? "timeout" : kind, ex.getMessage(), System.nanoTime());
			}

			@Override
			public void cancelled() {
				answer.failed("cancelled", null, System.nanoTime());
			}

		});
	}

	@Override
	public void close() throws InterruptedException {
		this.client.close(CloseMode.GRACEFUL);
		this.client.awaitShutdown(org.apache.hc.core5.util.TimeValue.of(5, TimeUnit.SECONDS));
	}

}
