package com.shop.order.web;

import java.util.Map;

import com.shop.messaging.InboundEvents;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Puts the order a request is about into the logging context as {@code orderId}, as the
 * consumers do for events, so one grep finds every line about an order; and tags the
 * request's span with it, so the trace backend finds the order's trace. The order comes
 * from the path, or from {@link #placed} once a new order has its id.
 */
@Component
class OrderLogContext implements HandlerInterceptor, WebMvcConfigurer {

	private static final String ORDER_ID = InboundEvents.ORDER_ID;

	private final Tracer tracer;

	OrderLogContext(Tracer tracer) {
		this.tracer = tracer;
	}

	static void placed(Object orderId) {
		MDC.put(ORDER_ID, orderId.toString());
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this).addPathPatterns("/api/orders/**");
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables
				&& variables.get("orderId") instanceof String orderId) {
			MDC.put(ORDER_ID, orderId);
		}
		return true;
	}

	@Override
	public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
			Exception ex) {
		String orderId = MDC.get(ORDER_ID);
		Span span = this.tracer.currentSpan();
		if (orderId != null && span != null) {
			span.tag("order.id", orderId);
		}
		MDC.remove(ORDER_ID);
	}

}
