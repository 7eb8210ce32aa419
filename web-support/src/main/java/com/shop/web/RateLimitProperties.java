package com.shop.web;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Per-client rate limits on creating requests ({@code shop.web.rate-limit.*}): a token
 * bucket per client address for POSTs to the listed paths. Off when no paths are listed
 * or {@code per-second} is 0.
 *
 * @param paths the request paths whose POSTs are limited, e.g. {@code /api/orders}
 * @param perSecond the sustained rate a client may have
 * @param burst how many requests a client may make at once after being idle
 * @param maxClients how many clients are tracked at most (the least recent are forgotten,
 * so memory stays bounded whatever the number of addresses)
 */
@ConfigurationProperties("shop.web.rate-limit")
public record RateLimitProperties(@DefaultValue List<String> paths, @DefaultValue("0") double perSecond,
		@DefaultValue("0") int burst, @DefaultValue("100000") int maxClients) {

	boolean enabled() {
		return !this.paths.isEmpty() && this.perSecond > 0;
	}

}
