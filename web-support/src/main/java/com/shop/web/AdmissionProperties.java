package com.shop.web;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Admission of the listed POSTs ({@code shop.web.admission.*}): how many may be in
 * progress at once adapts to their latency ({@link AdmissionFilter}). It starts at
 * {@code initialLimit}, so a burst of customers on an idle service is let in whole, falls
 * towards {@code minLimit} while latency rises, and grows back up to {@code maxLimit}
 * when latency is low. Requests beyond the limit wait in a short queue, so a burst that
 * lowered the limit is still let in whole once the requests before it are answered; a
 * sustained overload fills the queue, and what cannot wait is answered 503 at once. Off
 * when no paths are listed. Per instance: each instance measures its own latency.
 *
 * @param paths the request paths whose POSTs are limited, e.g. {@code /api/orders}
 * @param initialLimit the limit before anything was measured
 * @param minLimit the limit never goes below this
 * @param maxLimit nor above this (every request let in or waiting holds a server thread:
 * keep {@code maxLimit + queue} below {@code server.tomcat.threads.max}, so other
 * requests and health checks still find one)
 * @param queue how many requests beyond the limit wait for a slot (newest first) instead
 * of being answered 503 at once
 * @param queueTimeout how long one waits at most before it is answered 503
 */
@ConfigurationProperties("shop.web.admission")
public record AdmissionProperties(@DefaultValue List<String> paths, @DefaultValue("100") int initialLimit,
		@DefaultValue("20") int minLimit, @DefaultValue("150") int maxLimit, @DefaultValue("100") int queue,
		@DefaultValue("500ms") Duration queueTimeout) {

	boolean enabled() {
		return !this.paths.isEmpty();
	}

}
