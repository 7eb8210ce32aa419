package com.shop.messaging;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.otlp.OtlpTracingAutoConfiguration;
import org.springframework.boot.opentelemetry.autoconfigure.OpenTelemetrySdkAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tracing this module brings to every service, as Boot auto-configures it: events
 * published under a span carry that span as their parent, and spans reach an OTLP
 * endpoint only when one is configured.
 */
class TracingTests {

	private final ApplicationContextRunner tracing = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(OpenTelemetrySdkAutoConfiguration.class,
				OpenTelemetryTracingAutoConfiguration.class, OtlpTracingAutoConfiguration.class,
				MicrometerTracingAutoConfiguration.class))
		.withPropertyValues("spring.application.name=test-service", "management.tracing.sampling.probability=1.0");

	@Test
	void eventPublishedUnderASpanHasThatSpanAsParent() {
		this.tracing.run((context) -> {
			Tracer tracer = context.getBean(Tracer.class);
			Span span = tracer.nextSpan().name("request").start();
			try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
				assertThat(TraceParent.current(tracer))
					.isEqualTo("00-" + span.context().traceId() + "-" + span.context().spanId() + "-01");
			}
			finally {
				span.end();
			}
		});
	}

	@Test
	void eventPublishedWithoutASpanStartsATrace() {
		this.tracing.run((context) -> {
			String first = TraceParent.current(context.getBean(Tracer.class));
			String second = TraceParent.current(Tracer.NOOP);
			assertThat(first).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
			assertThat(second).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
			assertThat(first.substring(3, 35)).isNotEqualTo(second.substring(3, 35));
		});
	}

	@Test
	void childOfAnEventContinuesItsTrace() {
		String parent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
		assertThat(TraceParent.childOf(parent)).startsWith("00-4bf92f3577b34da6a3ce929d0e0e4736-")
			.doesNotContain("00f067aa0ba902b7")
			.hasSize(55);
	}

	@Test
	void spansAreNotExportedUnlessAnEndpointIsSet() {
		this.tracing.run((context) -> assertThat(context).doesNotHaveBean(OtlpHttpSpanExporter.class));
	}

	@Test
	void spansAreExportedToTheConfiguredOtlpEndpoint() throws IOException {
		List<byte[]> received = new CopyOnWriteArrayList<>();
		HttpServer collector = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
		collector.createContext("/v1/traces", (exchange) -> {
			ByteArrayOutputStream body = new ByteArrayOutputStream();
			exchange.getRequestBody().transferTo(body);
			received.add(body.toByteArray());
			exchange.sendResponseHeaders(200, -1);
			exchange.close();
		});
		collector.start();
		try {
			this.tracing
				.withPropertyValues("management.opentelemetry.tracing.export.otlp.endpoint=http://localhost:"
						+ collector.getAddress().getPort() + "/v1/traces")
				.run((context) -> {
					assertThat(context).hasSingleBean(OtlpHttpSpanExporter.class);
					Tracer tracer = context.getBean(Tracer.class);
					tracer.nextSpan().name("exported").start().end();
					context.getBean(SdkTracerProvider.class).forceFlush().join(10, TimeUnit.SECONDS);
					assertThat(received).hasSize(1);
					assertThat(new String(received.get(0), java.nio.charset.StandardCharsets.ISO_8859_1))
						.contains("exported", "test-service");
				});
		}
		finally {
			collector.stop(0);
		}
	}

}
