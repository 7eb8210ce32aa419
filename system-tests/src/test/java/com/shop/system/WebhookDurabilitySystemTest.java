package com.shop.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.shop.testsupport.TestAdmin;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A webhook delivery that could not be made yet survives its service being killed: it is
 * a row in the database, and the restarted notification-service sends it.
 */
class WebhookDurabilitySystemTest {

	@Test
	void aPendingDeliveryIsSentAfterTheServiceIsKilledAndRestarted() throws IOException {
		RunningSystem system = RunningSystem.get();
		Shop shop = new Shop(system);
		int receiverPort = freePort();
		// nobody listens there yet: every attempt fails to connect and is retried
		JsonNode webhook = Shop.parse(shop.notifications.post()
			.uri("/api/webhooks")
			.header("Authorization", TestAdmin.authorization())
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"url\":\"http://127.0.0.1:" + receiverPort
					+ "/hook\",\"eventTypes\":[\"shop.order.confirmed.v1\"],\"description\":\"durability\"}")
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody());
		String webhookId = webhook.get("id").asString();
		String orderId = shop.place(shop.newProduct("19.00", 5), 1, "tok_visa");
		assertThat(shop.awaitSettled(orderId).get("status").asString()).isEqualTo("CONFIRMED");
		JsonNode pending = await("a failed, pending delivery").atMost(Duration.ofSeconds(30))
			.until(() -> deliveries(shop, webhookId),
					(deliveries) -> deliveries.size() == 1 && deliveries.get(0).get("attempts").asInt() >= 1
							&& "PENDING".equals(deliveries.get(0).get("status").asString()))
			.get(0);

		system.notifications.kill();
		List<String> received = new CopyOnWriteArrayList<>();
		HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", receiverPort), 0);
		receiver.createContext("/hook", (exchange) -> {
			received.add(exchange.getRequestHeaders().getFirst("webhook-id"));
			exchange.getRequestBody().readAllBytes();
			exchange.sendResponseHeaders(204, -1);
			exchange.close();
		});
		receiver.start();
		try {
			system.restart(system.notifications);
			await("the pending delivery is sent by the restarted service").atMost(Duration.ofSeconds(60))
				.untilAsserted(() -> assertThat(received).contains(pending.get("id").asString()));
			await().atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat(deliveries(shop, webhookId).get(0).get("status").asString())
					.isEqualTo("SUCCEEDED"));
		}
		finally {
			receiver.stop(0);
			shop.notifications.delete()
				.uri("/api/webhooks/{id}", webhookId)
				.header("Authorization", TestAdmin.authorization())
				.exchange();
		}
	}

	private static JsonNode deliveries(Shop shop, String webhookId) {
		return Shop.parse(shop.notifications.get()
			.uri("/api/webhooks/{id}/deliveries", webhookId)
			.header("Authorization", TestAdmin.authorization())
			.exchange()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody());
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
