package com.shop.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import com.shop.events.StrictJson;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.tracing.Tracer;
import org.apache.catalina.core.StandardHost;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JacksonModule;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.util.unit.DataSize;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.DefaultCorsProcessor;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;

/**
 * Registers the shared problem handling, the request body bound and the trace id response
 * header in every service. It runs before Spring MVC's auto-configuration so that Boot's
 * own problem handler, which would shadow ours, is not registered.
 */
@AutoConfiguration(before = WebMvcAutoConfiguration.class)
@Import({ ProblemDetailsAdvice.class, ProblemErrorController.class })
@EnableConfigurationProperties({ RateLimitProperties.class, AdmissionProperties.class })
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

	/**
	 * Errors Tomcat answers itself are problem+json too (see {@link ProblemReportValve}).
	 */
	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
		return (factory) -> factory.addContextCustomizers((context) -> {
			if (context.getParent() instanceof StandardHost host) {
				host.setErrorReportValveClass(ProblemReportValve.class.getName());
			}
		});
	}

	/**
	 * After the per-client rate limit: one client's own burst is answered 429 by that
	 * limit, not 503 by this one.
	 */
	@Bean
	FilterRegistrationBean<AdmissionFilter> admissionFilter(AdmissionProperties admission,
			ObjectProvider<MeterRegistry> meters) {
		FilterRegistrationBean<AdmissionFilter> registration = new FilterRegistrationBean<>(
				new AdmissionFilter(admission, meters.getIfAvailable(SimpleMeterRegistry::new)));
		registration.setOrder(1);
		registration.setEnabled(admission.enabled());
		return registration;
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

	@Bean
	FilterRegistrationBean<UnreadableMediaTypeFilter> unreadableMediaTypeFilter() {
		FilterRegistrationBean<UnreadableMediaTypeFilter> registration = new FilterRegistrationBean<>(
				new UnreadableMediaTypeFilter());
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
		return registration;
	}

	/**
	 * Request bodies are read as they are ({@link StrictJson}: no value turned into what
	 * a field wants), and a property the request type does not have is refused, so a
	 * misspelt optional field is reported instead of dropped. After Boot's own
	 * customizer, which applies {@code spring.jackson.*}.
	 */
	@Bean
	@Order(Ordered.LOWEST_PRECEDENCE)
	JsonMapperBuilderCustomizer strictRequestJson() {
		return (builder) -> StrictJson.configure(builder).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
	}

	/** Registered with Spring MVC's JSON mapper by Boot's Jackson auto-configuration. */
	@Bean
	JacksonModule nulFreeStrings() {
		return NulFreeStrings.module();
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
	 * headers. Spring Security applies it (it looks for a filter of this name); a refused
	 * cross-origin request is problem+json like every other refusal.
	 */
	@Bean
	CorsFilter corsFilter(@Value("${shop.web.cors.allowed-origins:}") List<String> allowedOrigins) {
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		if (!allowedOrigins.isEmpty()) {
			CorsConfiguration storefront = new CorsConfiguration();
			storefront.setAllowedOrigins(allowedOrigins);
			storefront.setAllowedMethods(List.of("GET", "HEAD", "POST"));
			storefront.setAllowedHeaders(List.of("Content-Type", "Idempotency-Key"));
			storefront.setExposedHeaders(List.of("Location", "Retry-After", TraceIdResponseFilter.HEADER));
			source.registerCorsConfiguration("/api/**", storefront);
		}
		CorsFilter filter = new CorsFilter(source);
		filter.setCorsProcessor(new DefaultCorsProcessor() {
			@Override
			protected void rejectRequest(ServerHttpResponse response) throws IOException {
				response.setStatusCode(HttpStatus.FORBIDDEN);
				response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
				response.getBody()
					.write(("{\"type\":\"about:blank\",\"title\":\"Forbidden\",\"status\":403,"
							+ "\"detail\":\"This origin may not call this API from a browser\"}")
						.getBytes(StandardCharsets.UTF_8));
				response.flush();
			}
		});
		return filter;
	}

	/** Only inside Spring Security's chain, not a second time as a filter of its own. */
	@Bean
	FilterRegistrationBean<CorsFilter> corsFilterRegistration(CorsFilter corsFilter) {
		FilterRegistrationBean<CorsFilter> registration = new FilterRegistrationBean<>(corsFilter);
		registration.setEnabled(false);
		return registration;
	}

}
