package com.shop.bench;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.shop.bench.OrderMix.Kind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RunRecorderTests {

	private static final long MS = 1_000_000L;

	private static final long S = 1_000 * MS;

	// 2 s warm-up, then 10 s measured
	private final RunRecorder recorder = new RunRecorder("test", 10, 0, 2 * S, 12 * S);

	@Test
	void measuresFromTheDueTimeSoThatAStallCountsForEveryOrderItDelayed() {
		// one order per 100 ms; the system stalls 1 s, answering the ten due then all at
		// once
		for (int i = 0; i < 100; i++) {
			long due = 2 * S + i * 100 * MS;
			this.recorder.offered(due);
			long answered = (i < 10) ? 3 * S : due + MS;
			this.recorder.accepted(UUID.randomUUID(), Kind.SUCCESS, due, answered);
		}
		RunSummary run = this.recorder.result(30 * S, 0, "", List.of()).summary();
		assertThat(run.placement().count()).isEqualTo(100);
		assertThat(run.placement().max()).isCloseTo(1000, within(1.0));
		assertThat(run.placement().p99()).isGreaterThan(800);
		assertThat(run.placement().p50()).isCloseTo(1, within(0.01));
	}

	@Test
	void countsEveryAcceptedOrderOfTheRunForTheCpuPerOrderWarmUpIncluded() {
		this.recorder.offered(S);
		this.recorder.accepted(UUID.randomUUID(), Kind.SUCCESS, S, S + MS);
		this.recorder.offered(3 * S);
		this.recorder.accepted(UUID.randomUUID(), Kind.SUCCESS, 3 * S, 3 * S + MS);
		this.recorder.offered(4 * S);
		this.recorder.failed("HTTP 503", null, 4 * S, 4 * S + MS);
		assertThat(this.recorder.acceptedInRun()).isEqualTo(2);
		assertThat(this.recorder.result(30 * S, 0, "", List.of()).summary().accepted()).isEqualTo(1);
	}

	@Test
	void pairsASettlementSeenBeforeThePlacementAnswer() {
		UUID early = UUID.randomUUID();
		UUID late = UUID.randomUUID();
		this.recorder.offered(3 * S);
		this.recorder.offered(3 * S);
		this.recorder.settled(early, RunRecorder.CONFIRMED, 3 * S + 80 * MS);
		this.recorder.accepted(early, Kind.SUCCESS, 3 * S, 3 * S + 90 * MS);
		this.recorder.accepted(late, Kind.DECLINED, 3 * S, 3 * S + 5 * MS);
		this.recorder.settled(late, "CANCELLED:PAYMENT_DECLINED", 3 * S + 200 * MS);
		RunSummary run = this.recorder.result(30 * S, 0, "", List.of()).summary();
		assertThat(run.endToEndConfirmed().p50()).isCloseTo(80, within(0.1));
		assertThat(run.endToEndCancelled().p50()).isCloseTo(200, within(0.2));
		assertThat(run.outcomes()).containsEntry("CONFIRMED", 1L).containsEntry("CANCELLED:PAYMENT_DECLINED", 1L);
		assertThat(run.unexpectedOutcomes()).isZero();
		assertThat(run.notSettled()).isZero();
	}

	@Test
	void pairsAnEarlySettlementInARunWhoseEndIsNotKnownYet() {
		// a fresh-stack run ends after a number of orders; a capacity run's warm-up ends
		// when the rate stops rising
		RunRecorder open = new RunRecorder("open", 0, 0, 0, Long.MAX_VALUE);
		UUID order = UUID.randomUUID();
		open.offered(S);
		open.settled(order, RunRecorder.CONFIRMED, S + 80 * MS);
		open.accepted(order, Kind.SUCCESS, S, S + 90 * MS);
		open.endMeasurement(2 * S);
		RunSummary run = open.result(30 * S, 0, "", List.of()).summary();
		assertThat(run.notSettled()).isZero();
		assertThat(run.endToEnd().max()).isCloseTo(80, within(1.0));
	}

	@Test
	void leavesTheWarmupOutOfTheSummaryButNotOutOfTheSeries() {
		UUID warm = UUID.randomUUID();
		this.recorder.offered(S);
		this.recorder.accepted(warm, Kind.SUCCESS, S, S + 500 * MS);
		this.recorder.settled(warm, RunRecorder.CONFIRMED, S + 900 * MS);
		RunResult result = this.recorder.result(30 * S, 0, "", List.of());
		assertThat(result.summary().offered()).isZero();
		assertThat(result.summary().placement().count()).isZero();
		assertThat(result.series().get(1).warmup()).isTrue();
		assertThat(result.series().get(1).placementP50()).isCloseTo(500, within(5.0));
		assertThat(result.series().get(1).e2eP50()).isCloseTo(900, within(9.0));
	}

	@Test
	void countsUnexpectedOutcomesErrorsAndOrdersNeverSettled() {
		UUID outOfStock = UUID.randomUUID();
		this.recorder.offered(4 * S);
		this.recorder.accepted(outOfStock, Kind.OUT_OF_STOCK, 4 * S, 4 * S + MS);
		this.recorder.settled(outOfStock, RunRecorder.CONFIRMED, 4 * S + 50 * MS);
		this.recorder.offered(4 * S);
		this.recorder.accepted(UUID.randomUUID(), Kind.SUCCESS, 4 * S, 4 * S + MS);
		this.recorder.offered(5 * S);
		this.recorder.failed("generator saturated", null, 5 * S, 5 * S);
		this.recorder.offered(5 * S);
		this.recorder.failed("HTTP 503", "busy", 5 * S, 5 * S + MS);
		RunSummary run = this.recorder.result(30 * S, 0, "", List.of()).summary();
		assertThat(run.unexpectedOutcomes()).isEqualTo(1);
		assertThat(run.notSettled()).isEqualTo(1);
		assertThat(run.errors()).isEqualTo(2);
		assertThat(run.errorsByKind()).containsEntry("generator saturated", 1L).containsEntry("HTTP 503", 1L);
		assertThat(run.offered()).isEqualTo(4);
		assertThat(run.accepted()).isEqualTo(2);
		assertThat(run.offeredPerSecond()).isEqualTo(0.4);
	}

	@Test
	void countsOrdersStillOpenWithTheTimeTheyHaveWaited() {
		UUID open = UUID.randomUUID();
		this.recorder.offered(3 * S);
		this.recorder.accepted(open, Kind.SUCCESS, 3 * S, 3 * S + MS);
		RunSummary run = this.recorder.result(13 * S, 0, "", List.of()).summary();
		assertThat(run.notSettled()).isEqualTo(1);
		assertThat(run.endToEnd().max()).isCloseTo(10_000, within(10.0));
		assertThat(run.endToEndConfirmed().count()).isZero();
	}

	@Test
	void measuresTheBacklogGrowthOverTheWindow() {
		// ten accepted per second from 2 s to 12 s, five settled per second
		for (int second = 2; second < 12; second++) {
			for (int i = 0; i < 10; i++) {
				UUID id = UUID.randomUUID();
				long due = second * S + i * 100 * MS;
				this.recorder.offered(due);
				this.recorder.accepted(id, Kind.SUCCESS, due, due + MS);
				if (i % 2 == 0) {
					this.recorder.settled(id, RunRecorder.CONFIRMED, due + 10 * MS);
				}
			}
		}
		RunSummary run = this.recorder.result(30 * S, 0, "", List.of()).summary();
		assertThat(run.backlogGrowth()).isEqualTo(50);
		assertThat(run.settledPerSecond()).isEqualTo(5.0);
		assertThat(run.acceptedPerSecond()).isEqualTo(10.0);
	}

}
