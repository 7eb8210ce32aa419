package com.shop.web;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.FilterChain;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

class ConcurrencyLimitFilterTests {

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final ConcurrencyLimitFilter filter = new ConcurrencyLimitFilter(
			new ConcurrencyLimitProperties(List.of("/api/orders"), 2, Duration.ofSeconds(1)), this.meters);

	private final CountDownLatch release = new CountDownLatch(1);

	private final CountDownLatch started = new CountDownLatch(2);

	private final ExecutorService clients = Executors.newCachedThreadPool();

	@AfterEach
	void stop() {
		this.release.countDown();
		this.clients.shutdownNow();
	}

	@Test
	void aRequestBeyondTheLimitIsA503ToRetryAndTheNextOneAfterASlotFreesGoesThrough() throws Exception {
		FilterChain slow = (request, response) -> {
			this.started.countDown();
			try {
				this.release.await(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			((MockHttpServletResponse) response).setStatus(202);
		};
		List<Future<MockHttpServletResponse>> inProgress = List.of(this.clients.submit(() -> post(slow)),
				this.clients.submit(() -> post(slow)));
		assertThat(this.started.await(10, TimeUnit.SECONDS)).isTrue();

		MockHttpServletResponse shed = post((request, response) -> {
			throw new AssertionError("a shed request must not reach the application");
		});
		assertThat(shed.getStatus()).isEqualTo(503);
		assertThat(shed.getHeader("Retry-After")).isEqualTo("1");
		assertThat(shed.getContentType()).isEqualTo("application/problem+json");
		assertThat(shed.getContentAsString()).contains("\"status\":503",
				"At capacity: 2 requests to /api/orders are in progress");
		assertThat(this.meters.counter("shop.web.shed").count()).isEqualTo(1);

		this.release.countDown();
		for (Future<MockHttpServletResponse> response : inProgress) {
			assertThat(response.get(10, TimeUnit.SECONDS).getStatus()).isEqualTo(202);
		}
		assertThat(post((request, response) -> ((MockHttpServletResponse) response).setStatus(202)).getStatus())
			.isEqualTo(202);
	}

	@Test
	void aRequestThatFindsASlotWithinTheWaitIsServed() throws Exception {
		FilterChain brief = (request, response) -> {
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			((MockHttpServletResponse) response).setStatus(202);
		};
		List<Future<MockHttpServletResponse>> responses = List.of(this.clients.submit(() -> post(brief)),
				this.clients.submit(() -> post(brief)), this.clients.submit(() -> post(brief)));
		for (Future<MockHttpServletResponse> response : responses) {
			assertThat(response.get(10, TimeUnit.SECONDS).getStatus()).isEqualTo(202);
		}
		assertThat(this.meters.counter("shop.web.shed").count()).isZero();
	}

	@Test
	void otherRequestsAreNotLimited() throws Exception {
		MockHttpServletRequest read = new MockHttpServletRequest("GET", "/api/orders");
		assertThat(this.filter.shouldNotFilter(read)).isTrue();
		assertThat(this.filter.shouldNotFilter(new MockHttpServletRequest("POST", "/api/webhooks"))).isTrue();
		assertThat(this.filter.shouldNotFilter(new MockHttpServletRequest("POST", "/api/orders"))).isFalse();
	}

	private MockHttpServletResponse post(FilterChain chain) throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.filter.doFilter(new MockHttpServletRequest("POST", "/api/orders"), response, chain);
		return response;
	}

}
