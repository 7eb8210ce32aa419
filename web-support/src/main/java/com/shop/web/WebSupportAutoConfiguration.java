package com.shop.web;

import java.util.List;

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
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

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

	/**
	 * Lets the store page, served by another service, call the public API from the
	 * browser. Off unless origins are configured; only the storefront's methods and
	 * headers.
	 */
	@Bean
	WebMvcConfigurer storefrontCors(@Value("${shop.web.cors.allowed-origins:}") List<String> allowedOrigins) {
		return new WebMvcConfigurer() {
			@Override
			public void addCorsMappings(CorsRegistry registry) {
				if (!allowedOrigins.isEmpty()) {
					registry.addMapping("/api/**")
						.allowedOrigins(allowedOrigins.toArray(String[]::new))
						.allowedMethods("GET", "HEAD", "POST")
						.allowedHeaders("Content-Type", "Idempotency-Key")
						.exposedHeaders("Location", "Retry-After", TraceIdResponseFilter.HEADER);
				}
			}
		};
	}

}
