package com.shop.web;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Answers 429 with {@code Retry-After} to a client that creates faster than
 * {@link RateLimitProperties} allow, so one client cannot crowd out the others. A client
 * is its address as the server sees it (behind a proxy, let the server resolve the
 * forwarded address: {@code server.forward-headers-strategy=native}). Runs after Spring
 * Security: operators, authenticated as admin, are not limited.
 */
class RateLimitFilter extends LimitedPostsFilter {

	private final RateLimitProperties limits;

	private final Cache<String, TokenBucket> buckets;

	RateLimitFilter(RateLimitProperties limits) {
		super(limits.paths());
		this.limits = limits;
		this.buckets = Caffeine.newBuilder()
			.maximumSize(limits.maxClients())
			.expireAfterAccess(Duration.ofMinutes(10))
			.build();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (isAdmin()) {
			chain.doFilter(request, response);
			return;
		}
		TokenBucket bucket = this.buckets.get(request.getRemoteAddr(),
				(client) -> new TokenBucket(this.limits.perSecond(), Math.max(1, this.limits.burst())));
		long waitNanos = bucket.take(System.nanoTime());
		if (waitNanos == 0) {
			chain.doFilter(request, response);
			return;
		}
		long retryAfter = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(waitNanos + 999_999_999));
		response.setHeader("Retry-After", String.valueOf(retryAfter));
		ProblemResponses.write(response, HttpStatus.TOO_MANY_REQUESTS,
				String.format("Too many requests from %s: at most %s per second (bursts of %d); retry in %d s",
						request.getRemoteAddr(), this.limits.perSecond(), this.limits.burst(), retryAfter));
	}

	private static boolean isAdmin() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication != null && authentication.isAuthenticated() && authentication.getAuthorities()
			.stream()
			.anyMatch((authority) -> ("ROLE_" + AdminSecurityAutoConfiguration.ADMIN).equals(authority.getAuthority()));
	}

	/** Refills continuously at the sustained rate, up to the burst. */
	static final class TokenBucket {

		private final double perNano;

		private final double capacity;

		private double tokens;

		private long refilledAt;

		TokenBucket(double perSecond, int capacity) {
			this.perNano = perSecond / 1e9;
			this.capacity = capacity;
			this.tokens = capacity;
			this.refilledAt = System.nanoTime();
		}

		/**
		 * Takes a token; answers 0 if there was one, else the nanoseconds until there is.
		 */
		synchronized long take(long now) {
			this.tokens = Math.min(this.capacity, this.tokens + (now - this.refilledAt) * this.perNano);
			this.refilledAt = now;
			if (this.tokens >= 1) {
				this.tokens -= 1;
				return 0;
			}
			return (long) Math.ceil((1 - this.tokens) / this.perNano);
		}

	}

}
