package com.shop.web;

import java.io.IOException;
import java.util.Optional;

import com.netflix.concurrency.limits.Limiter;
import com.netflix.concurrency.limits.limit.Gradient2Limit;
import com.netflix.concurrency.limits.limiter.LifoBlockingLimiter;
import com.netflix.concurrency.limits.limiter.SimpleLimiter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;

/**
 * Sheds load only when the service is overloaded: the number of requests let in at once
 * follows their measured latency (Netflix concurrency-limits' gradient limit, which
 * shrinks the limit while latency rises above its long-term level and grows it while
 * latency stays there). A request beyond the limit waits for a slot in a short queue
 * (newest first, for half a second by default); one that finds the queue full or waits
 * too long is answered 503 with {@code Retry-After}, instead of queueing until its client
 * has given up and making every later request later too. A burst on an idle service is
 * let in whole, even when the latency it causes lowers the limit. Only the latencies of
 * answers that tell about capacity count: not those of a client's mistake (4xx), of a
 * failure or of a 503 (the database's, say), which are fast and say nothing about load.
 * <p>
 * Meters: {@code shop.web.shed} (requests answered 503 here),
 * {@code shop.web.admission.limit} (the current limit) and
 * {@code shop.web.admission.in.flight}.
 */
class AdmissionFilter extends LimitedPostsFilter {

	private final SimpleLimiter<Void> limit;

	private final Limiter<Void> limiter;

	private final Counter shed;

	AdmissionFilter(AdmissionProperties settings, MeterRegistry meters) {
		super(settings.paths());
		this.limit = SimpleLimiter.newBuilder()
			.limit(Gradient2Limit.newBuilder()
				.initialLimit(settings.initialLimit())
				.minLimit(settings.minLimit())
				.maxConcurrency(settings.maxLimit())
				// a long memory of the latency without overload (some ten thousand
				// requests): a sustained overload keeps lowering the limit instead of
				// becoming the new normal after a few hundred requests
				.longWindow(10_000)
				.build())
			.build();
		// the newest waiters first: under an overload, the requests whose clients are
		// still waiting are the ones worth answering
		this.limiter = LifoBlockingLimiter.newBuilder(this.limit)
			.backlogSize(settings.queue())
			.backlogTimeoutMillis(settings.queueTimeout().toMillis())
			.build();
		this.shed = Counter.builder("shop.web.shed")
			.description("Requests answered 503 because the service was at capacity")
			.register(meters);
		Gauge.builder("shop.web.admission.limit", this.limit, SimpleLimiter::getLimit)
			.description("Requests let in at once, as the latency measured so far allows")
			.register(meters);
		Gauge.builder("shop.web.admission.in.flight", this.limit, SimpleLimiter::getInflight)
			.description("Requests let in and not answered yet")
			.register(meters);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Optional<Limiter.Listener> admitted = this.limiter.acquire(null);
		if (admitted.isEmpty()) {
			// a waiter is only woken when a request ends: one that queued just after the
			// last one ended may time out with a slot free
			admitted = this.limit.acquire(null);
		}
		if (admitted.isEmpty()) {
			this.shed.increment();
			response.setHeader("Retry-After", "1");
			ProblemResponses.write(response, HttpStatus.SERVICE_UNAVAILABLE,
					String.format(
							"At capacity: %d requests to %s are in progress (the limit its latency allows now: %d) and"
									+ " more are waiting; retry in 1 s",
							this.limit.getInflight(), request.getRequestURI(), this.limit.getLimit()));
			return;
		}
		Limiter.Listener listener = admitted.get();
		boolean answered = false;
		try {
			chain.doFilter(request, response);
			answered = true;
		}
		finally {
			int status = response.getStatus();
			if (!answered || status == HttpStatus.SERVICE_UNAVAILABLE.value() || (status >= 400 && status < 500)) {
				// a failure's or a client mistake's latency says nothing about capacity
				// (the gradient limit takes only latencies: a fast 503 would lower its
				// long-term baseline)
				listener.onIgnore();
			}
			else {
				listener.onSuccess();
			}
		}
	}

}
