package com.shop.web;

import java.io.IOException;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers every traced request with its trace id in {@code X-Trace-Id}: the id to look
 * the request up by in the logs and the trace backend, and the id that every event it
 * causes, in every service, carries in its {@code traceparent}. Runs inside the server
 * observation, whose span is current here.
 */
class TraceIdResponseFilter extends OncePerRequestFilter {

	static final String HEADER = "X-Trace-Id";

	private final ObjectProvider<Tracer> tracers;

	/**
	 * Looked up at the first request, not at each: a bean lookup costs more than the
	 * rest.
	 */
	private volatile Tracer tracer;

	TraceIdResponseFilter(ObjectProvider<Tracer> tracers) {
		this.tracers = tracers;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Tracer tracer = this.tracer;
		if (tracer == null) {
			tracer = this.tracers.getIfAvailable(() -> Tracer.NOOP);
			this.tracer = tracer;
		}
		Span span = tracer.currentSpan();
		if (span != null && !span.isNoop()) {
			response.setHeader(HEADER, span.context().traceId());
		}
		chain.doFilter(request, response);
	}

}
