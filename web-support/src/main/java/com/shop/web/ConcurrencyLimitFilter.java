package com.shop.web;

import java.io.IOException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;

/**
 * Sheds load: answers 503 with {@code Retry-After} when
 * {@link ConcurrencyLimitProperties}' slots stay taken for its wait. Without it, a
 * service offered more than it can do queues the excess and serves every request late:
 * clients time out, and the work done for them is wasted, so fewer requests succeed the
 * more are offered. Shed requests count in the {@code shop.web.shed} counter.
 */
class ConcurrencyLimitFilter extends LimitedPostsFilter {

	private final ConcurrencyLimitProperties limits;

	private final Semaphore slots;

	private final Counter shed;

	ConcurrencyLimitFilter(ConcurrencyLimitProperties limits, MeterRegistry meters) {
		super(limits.paths());
		this.limits = limits;
		this.slots = new Semaphore(limits.maxConcurrent(), true);
		this.shed = Counter.builder("shop.web.shed")
			.description("Requests answered 503 because the service was at capacity")
			.register(meters);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		boolean acquired;
		try {
			acquired = this.slots.tryAcquire(this.limits.maxWait().toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			acquired = false;
		}
		if (!acquired) {
			this.shed.increment();
			response.setHeader("Retry-After", "1");
			ProblemResponses.write(response, HttpStatus.SERVICE_UNAVAILABLE,
					String.format("At capacity: %d requests to %s are in progress; retry in 1 s",
							this.limits.maxConcurrent(), request.getRequestURI()));
			return;
		}
		try {
			chain.doFilter(request, response);
		}
		finally {
			this.slots.release();
		}
	}

}
