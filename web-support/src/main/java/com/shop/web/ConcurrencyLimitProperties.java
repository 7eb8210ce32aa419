package com.shop.web;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Load shedding ({@code shop.web.concurrency-limit.*}): at most {@code maxConcurrent}
 * POSTs to the listed paths are handled at once; one that finds no free slot within
 * {@code maxWait} is answered 503 with {@code Retry-After} at once, instead of queueing
 * until its client has given up. Off when no paths are listed or {@code maxConcurrent} is
 * 0.
 *
 * @param paths the request paths whose POSTs are limited, e.g. {@code /api/orders}
 * @param maxConcurrent how many of them are handled at once
 * @param maxWait how long a request waits for a free slot
 */
@ConfigurationProperties("shop.web.concurrency-limit")
public record ConcurrencyLimitProperties(@DefaultValue List<String> paths, @DefaultValue("0") int maxConcurrent,
		@DefaultValue("100ms") Duration maxWait) {

	boolean enabled() {
		return !this.paths.isEmpty() && this.maxConcurrent > 0;
	}

}
