package com.shop.web;

import io.micrometer.tracing.Tracer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;

/**
 * Registers the shared problem handling, the request body bound and the trace id response
 * header in every service. It runs before Spring MVC's auto-configuration so that Boot's
 * own problem handler, which would shadow ours, is not registered.
 */
@AutoConfiguration(before = WebMvcAutoConfiguration.class)
@Import(ProblemDetailsAdvice.class)
public class WebSupportAutoConfiguration {

	@Bean
	FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(
			@Value("${shop.web.max-body-size:64KB}") DataSize maxBodySize) {
		FilterRegistrationBean<RequestBodyLimitFilter> registration = new FilterRegistrationBean<>(
				new RequestBodyLimitFilter(maxBodySize.toBytes()));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	/** After Boot's server observation filter (at highest precedence + 1). */
	@Bean
	FilterRegistrationBean<TraceIdResponseFilter> traceIdResponseFilter(ObjectProvider<Tracer> tracer) {
		FilterRegistrationBean<TraceIdResponseFilter> registration = new FilterRegistrationBean<>(
				new TraceIdResponseFilter(tracer));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

}
