package com.shop.web;

import java.time.Duration;
import java.util.List;

import io.micrometer.tracing.Tracer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * Registers the shared problem handling, the request body bound and the trace id response
 * header in every service. It runs before Spring MVC's auto-configuration so that Boot's
 * own problem handler, which would shadow ours, is not registered.
 */
@AutoConfiguration(before = WebMvcAutoConfiguration.class)
@Import(ProblemDetailsAdvice.class)
@EnableConfigurationProperties(RateLimitProperties.class)
public class WebSupportAutoConfiguration {

	@Bean
	FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(
			@Value("${shop.web.max-body-size:64KB}") DataSize maxBodySize) {
		FilterRegistrationBean<RequestBodyLimitFilter> registration = new FilterRegistrationBean<>(
				new RequestBodyLimitFilter(maxBodySize.toBytes()));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	/**
	 * A client that opens a connection and then sends its request slowly (slowloris) is
	 * cut off after this long instead of holding a request thread; Tomcat's own default
	 * is a minute.
	 */
	@Bean
	WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> slowRequestTimeout(
			@Value("${server.tomcat.connection-timeout:5s}") Duration timeout) {
		return (factory) -> factory.addConnectorCustomizers(
				(connector) -> connector.setProperty("connectionTimeout", String.valueOf(timeout.toMillis())));
	}

	/** After Spring Security's filters, so operators are known and not limited. */
	@Bean
	FilterRegistrationBean<RateLimitFilter> rateLimitFilter(RateLimitProperties limits) {
		FilterRegistrationBean<RateLimitFilter> registration = new FilterRegistrationBean<>(
				new RateLimitFilter(limits));
		registration.setOrder(0);
		registration.setEnabled(limits.enabled());
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
	 * headers. Spring Security's CORS filter picks this source up.
	 */
	@Bean
	CorsConfigurationSource corsConfigurationSource(
			@Value("${shop.web.cors.allowed-origins:}") List<String> allowedOrigins) {
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		if (!allowedOrigins.isEmpty()) {
			CorsConfiguration storefront = new CorsConfiguration();
			storefront.setAllowedOrigins(allowedOrigins);
			storefront.setAllowedMethods(List.of("GET", "HEAD", "POST"));
			storefront.setAllowedHeaders(List.of("Content-Type", "Idempotency-Key"));
			storefront.setExposedHeaders(List.of("Location", "Retry-After", TraceIdResponseFilter.HEADER));
			source.registerCorsConfiguration("/api/**", storefront);
		}
		return source;
	}

}
