package com.shop.notification.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.stereotype.Component;

/**
 * Sends one attempt of a delivery as Standard Webhooks describes it and reports what came
 * back; never throws. The target is checked against the SSRF rules first, since its DNS
 * answer may have changed since registration. Redirects are never followed. Times each
 * attempt as {@code shop.webhooks.attempt.latency}.
 */
@Component
class DeliverySender {

	static final String USER_AGENT = "shop-webhooks/1";

	private static final int SNIPPET_CHARS = 500;

	private final HttpClient http;

	private final TargetGuard guard;

	private final WebhookSettings settings;

	private final Timer latency;

	DeliverySender(TargetGuard guard, WebhookSettings settings, MeterRegistry meters) {
		this.http = HttpClient.newBuilder()
			.connectTimeout(settings.connectTimeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.version(HttpClient.Version.HTTP_1_1)
			.build();
		this.guard = guard;
		this.settings = settings;
		this.latency = Timer.builder("shop.webhooks.attempt.latency")
			.description("How long webhook receivers take to answer")
			.register(meters);
	}

	AttemptResult send(ClaimedDelivery delivery) {
		Instant attemptedAt = Instant.now();
		long started = System.nanoTime();
		try {
			URI target = TargetGuard.parse(delivery.url());
			this.guard.check(target);
			HttpResponse<InputStream> response = this.http.send(request(delivery, target, attemptedAt),
					HttpResponse.BodyHandlers.ofInputStream());
			String snippet = snippet(response.body());
			long millis = elapsed(started);
			return new AttemptResult(attemptedAt, response.statusCode(), millis, snippet, null,
					retryAfter(response, Instant.now()));
		}
		catch (TargetGuard.InvalidTarget | TargetGuard.RefusedTarget ex) {
			return failed(attemptedAt, started, "refused target: " + ex.getMessage());
		}
		catch (HttpTimeoutException ex) {
			return failed(attemptedAt, started, "timed out: " + ex.getMessage());
		}
		catch (IOException ex) {
			return failed(attemptedAt, started, "connection failed: " + ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return failed(attemptedAt, started, "interrupted by shutdown");
		}
		catch (RuntimeException ex) {
			return failed(attemptedAt, started, ex.toString());
		}
	}

	private HttpRequest request(ClaimedDelivery delivery, URI target, Instant attemptedAt) {
		String id = delivery.id().toString();
		long timestamp = attemptedAt.getEpochSecond();
		return HttpRequest.newBuilder(target)
			.timeout(this.settings.requestTimeout())
			.header("content-type", "application/json")
			.header("user-agent", USER_AGENT)
			.header("webhook-id", id)
			.header("webhook-timestamp", Long.toString(timestamp))
			.header("webhook-signature",
					WebhookSignature.header(delivery.signingSecrets(attemptedAt), id, timestamp, delivery.body()))
			.POST(HttpRequest.BodyPublishers.ofString(delivery.body(), StandardCharsets.UTF_8))
			.build();
	}

	private AttemptResult failed(Instant attemptedAt, long started, String error) {
		return new AttemptResult(attemptedAt, null, elapsed(started), null, truncate(error, 1000), null);
	}

	private long elapsed(long started) {
		long nanos = System.nanoTime() - started;
		this.latency.record(Duration.ofNanos(nanos));
		return nanos / 1_000_000;
	}

	/** The start of the body only: a receiver's error page may be huge. */
	private static String snippet(InputStream body) throws IOException {
		try (body) {
			byte[] start = body.readNBytes(SNIPPET_CHARS * 4);
			return truncate(new String(start, StandardCharsets.UTF_8), SNIPPET_CHARS);
		}
	}

	/** {@code Retry-After} in seconds or as an HTTP date, or {@code null}. */
	static Duration retryAfter(HttpResponse<?> response, Instant now) {
		return response.headers().firstValue("retry-after").map((value) -> retryAfter(value.trim(), now)).orElse(null);
	}

	static Duration retryAfter(String value, Instant now) {
		try {
			return Duration.ofSeconds(Math.max(0, Long.parseLong(value)));
		}
		catch (NumberFormatException notSeconds) {
			try {
				Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
				return at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO;
			}
			catch (DateTimeParseException notADate) {
				return null;
			}
		}
	}

	private static String truncate(String text, int length) {
		return (text.length() > length) ? text.substring(0, length) : text;
	}

}
