package com.shop.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Asks a service's actuator whether it is UP (which includes its database and Kafka). */
final class HealthProbe {

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

	/** Where a starting service stands. */
	enum State {

		/** Not answering yet. */
		UNREACHABLE,
		/** Answers, but is not ready (its database or Kafka not yet). */
		DOWN,
		/** Ready. */
		UP

	}

	State state(String healthUrl) {
		HttpRequest request = HttpRequest.newBuilder(URI.create(healthUrl)).timeout(Duration.ofSeconds(3)).build();
		try {
			HttpResponse<String> response = this.client.send(request, HttpResponse.BodyHandlers.ofString());
			return (response.statusCode() == 200 && response.body().contains("\"status\":\"UP\"")) ? State.UP
					: State.DOWN;
		}
		catch (IOException ex) {
			return State.UNREACHABLE;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return State.UNREACHABLE;
		}
	}

}
