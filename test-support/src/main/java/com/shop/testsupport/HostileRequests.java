package com.shop.testsupport;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.LongSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property test of a service's HTTP API: requests made by a generator (random paths,
 * mutated bodies, odd headers) sent over raw sockets, each from another loopback address
 * so the per-client rate limit stays out of the way. Never a server error; every refusal
 * is problem+json naming its status; a refused request changes nothing that
 * {@code persisted} counts.
 */
public final class HostileRequests {

	/** A request to send: method, path and query, headers, body (or {@code null}). */
	public record Request(String method, String target, Map<String, String> headers, byte[] body) {

		@Override
		public String toString() {
			return this.method + " " + this.target + " " + this.headers + " "
					+ ((this.body != null) ? new String(this.body, StandardCharsets.UTF_8) : "");
		}

	}

	private HostileRequests() {
	}

	/**
	 * Sends {@code count} requests made by {@code requests} and checks every answer.
	 * @return the answers by status, for the test's report
	 */
	public static Map<Integer, Integer> send(String name, int port, int count, Function<Hostile, Request> requests,
			LongSupplier persisted) {
		Hostile hostile = Hostile.generator(name + " HTTP");
		Map<Integer, Integer> statuses = new TreeMap<>();
		for (int i = 0; i < count; i++) {
			Request request = requests.apply(hostile);
			String client = "127." + hostile.random().nextInt(256) + "." + hostile.random().nextInt(256) + "."
					+ (1 + hostile.random().nextInt(254));
			long before = persisted.getAsLong();
			RawHttp.Response response = RawHttp.exchange(port, client, request.method(), request.target(),
					request.headers(), request.body());
			statuses.merge(response.status(), 1, Integer::sum);
			assertThat(response.status()).as("seed %d: %s -> %s", hostile.seed(), request, response.body())
				.isLessThan(500);
			if (headerBytes(request) > 8 * 1024) {
				// beyond server.max-http-request-header-size Tomcat answers a bare 400
				// itself
				assertThat(response.status()).as("seed %d: %s", hostile.seed(), request).isEqualTo(400);
			}
			else if (response.status() >= 400) {
				assertThat(response.header("content-type"))
					.as("seed %d: %s -> %d", hostile.seed(), request, response.status())
					.startsWith("application/problem+json");
				assertThat(response.body()).contains("\"status\":" + response.status());
				assertThat(persisted.getAsLong()).as("seed %d: refused but persisted: %s", hostile.seed(), request)
					.isEqualTo(before);
			}
		}
		System.out.printf("[fuzz] %s: %d requests, answers by status %s (seed %d)%n", name, count, statuses,
				hostile.seed());
		return statuses;
	}

	private static int headerBytes(Request request) {
		return request.target().length() + request.headers()
			.entrySet()
			.stream()
			.mapToInt((header) -> header.getKey().length() + header.getValue().length() + 4)
			.sum();
	}

}
