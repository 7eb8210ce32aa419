package com.shop.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.FilterChain;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

class AdmissionFilterTests {

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final ExecutorService clients = Executors.newCachedThreadPool();

	private final CountDownLatch release = new CountDownLatch(1);

	@AfterEach
	void stop() {
		this.release.countDown();
		this.clients.shutdownNow();
	}

	@Test
	void aBurstWithinTheInitialLimitIsLetInWhole() throws Exception {
		AdmissionFilter filter = filter(100, 20, 400);
		CountDownLatch started = new CountDownLatch(100);
		List<Future<MockHttpServletResponse>> burst = new ArrayList<>();
		for (int i = 0; i < 100; i++) {
			burst.add(this.clients.submit(() -> post(filter, held(started))));
		}
		assertThat(started.await(10, TimeUnit.SECONDS)).as("all hundred in progress at once").isTrue();
		this.release.countDown();
		for (Future<MockHttpServletResponse> response : burst) {
			assertThat(response.get(10, TimeUnit.SECONDS).getStatus()).isEqualTo(202);
		}
		assertThat(this.meters.counter("shop.web.shed").count()).isZero();
	}

	@Test
	void aRequestBeyondTheLimitIsA503ToRetryAndIsNotHandled() throws Exception {
		AdmissionFilter filter = filter(2, 2, 2);
		CountDownLatch started = new CountDownLatch(2);
		List<Future<MockHttpServletResponse>> inProgress = List.of(
				this.clients.submit(() -> post(filter, held(started))),
				this.clients.submit(() -> post(filter, held(started))));
		assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

		MockHttpServletResponse shed = post(filter, (request, response) -> {
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
		assertThat(post(filter, (request, response) -> ((MockHttpServletResponse) response).setStatus(202)).getStatus())
			.isEqualTo(202);
	}

	@Test
	void aRequestBeyondTheLimitWaitsForASlotInTheQueue() throws Exception {
		AdmissionFilter filter = filter(2, 2, 2, 10, Duration.ofSeconds(10));
		CountDownLatch started = new CountDownLatch(2);
		List<Future<MockHttpServletResponse>> inProgress = List.of(
				this.clients.submit(() -> post(filter, held(started))),
				this.clients.submit(() -> post(filter, held(started))));
		assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
		Future<MockHttpServletResponse> waiting = this.clients
			.submit(() -> post(filter, (request, response) -> ((MockHttpServletResponse) response).setStatus(202)));
		Thread.sleep(100);
		assertThat(waiting).as("waits while both slots are taken").isNotDone();

		this.release.countDown();
		assertThat(waiting.get(10, TimeUnit.SECONDS).getStatus()).isEqualTo(202);
		for (Future<MockHttpServletResponse> response : inProgress) {
			assertThat(response.get(10, TimeUnit.SECONDS).getStatus()).isEqualTo(202);
		}
		assertThat(this.meters.counter("shop.web.shed").count()).isZero();
	}

	@Test
	void aRequestThatWaitedTooLongIsA503() throws Exception {
		AdmissionFilter filter = filter(1, 1, 1, 10, Duration.ofMillis(50));
		CountDownLatch started = new CountDownLatch(1);
		Future<MockHttpServletResponse> inProgress = this.clients.submit(() -> post(filter, held(started)));
		assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

		MockHttpServletResponse shed = post(filter, (request, response) -> {
			throw new AssertionError("a shed request must not reach the application");
		});
		assertThat(shed.getStatus()).isEqualTo(503);
		assertThat(shed.getHeader("Retry-After")).isEqualTo("1");
		this.release.countDown();
		assertThat(inProgress.get(10, TimeUnit.SECONDS).getStatus()).isEqualTo(202);
	}

	@Test
	void anOverloadLowersTheLimitAndShedsWhatWouldOnlyQueue() throws Exception {
		AdmissionFilter filter = filter(100, 10, 400, 5, Duration.ofMillis(5));
		// a server that handles one request at a time, a millisecond each: the latency
		// of a request is the queue in front of it
		Semaphore server = new Semaphore(1, true);
		FilterChain queued = (request, response) -> {
			server.acquireUninterruptibly();
			try {
				Thread.sleep(1);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			finally {
				server.release();
			}
			((MockHttpServletResponse) response).setStatus(202);
		};
		// one client first: the latency without load
		concurrently(1, 50, filter, queued);
		// then eighty at once, far more than the server can take without a queue
		concurrently(80, 40, filter, queued);
		assertThat(limit()).as("the limit after the overload").isLessThan(80).isGreaterThanOrEqualTo(10);
		assertThat(this.meters.counter("shop.web.shed").count()).as("requests shed").isPositive();
	}

	private void concurrently(int clients, int requestsEach, AdmissionFilter filter, FilterChain chain)
			throws Exception {
		List<Future<?>> running = new ArrayList<>();
		for (int c = 0; c < clients; c++) {
			running.add(this.clients.submit(() -> {
				for (int i = 0; i < requestsEach; i++) {
					post(filter, chain);
				}
				return null;
			}));
		}
		for (Future<?> client : running) {
			client.get(30, TimeUnit.SECONDS);
		}
	}

	private double limit() {
		return this.meters.get("shop.web.admission.limit").gauge().value();
	}

	@Test
	void otherRequestsAreNotLimited() {
		AdmissionFilter filter = filter(100, 20, 400);
		assertThat(filter.shouldNotFilter(new MockHttpServletRequest("GET", "/api/orders"))).isTrue();
		assertThat(filter.shouldNotFilter(new MockHttpServletRequest("POST", "/api/webhooks"))).isTrue();
		assertThat(filter.shouldNotFilter(new MockHttpServletRequest("POST", "/api/orders"))).isFalse();
		assertThat(filter.shouldNotFilter(new MockHttpServletRequest("POST", "/api/%6Frders")))
			.as("an encoded path is the path it decodes to")
			.isFalse();
	}

	private AdmissionFilter filter(int initial, int min, int max) {
		return filter(initial, min, max, 0, Duration.ZERO);
	}

	private AdmissionFilter filter(int initial, int min, int max, int queue, Duration queueTimeout) {
		return new AdmissionFilter(
				new AdmissionProperties(List.of("/api/orders"), initial, min, max, queue, queueTimeout), this.meters);
	}

	private FilterChain held(CountDownLatch started) {
		return (request, response) -> {
			started.countDown();
			try {
				this.release.await(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			((MockHttpServletResponse) response).setStatus(202);
		};
	}

	private static MockHttpServletResponse post(AdmissionFilter filter, FilterChain chain) throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		filter.doFilter(new MockHttpServletRequest("POST", "/api/orders"), response, chain);
		return response;
	}

}
