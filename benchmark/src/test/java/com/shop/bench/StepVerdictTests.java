package com.shop.bench;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StepVerdictTests {

	@Test
	void sustainsARateThePipelineKeepsUpWith() {
		StepVerdict verdict = StepVerdict.judge(run(1000, 10_000, 9_990, 998, 12, 30, 0), 100);
		assertThat(verdict.placementSustained()).isTrue();
		assertThat(verdict.endToEndSustained()).isTrue();
		assertThat(verdict.reasons()).isEmpty();
	}

	@Test
	void failsPlacementWhenTooFewAreAcceptedOrTheP99IsTooHigh() {
		StepVerdict rejected = StepVerdict.judge(run(1000, 10_000, 9_000, 900, 12, 0, 0), 100);
		assertThat(rejected.placementSustained()).isFalse();
		assertThat(rejected.endToEndSustained()).isFalse();
		StepVerdict slow = StepVerdict.judge(run(1000, 10_000, 10_000, 1000, 150, 0, 0), 100);
		assertThat(slow.placementSustained()).isFalse();
		assertThat(slow.reasons()).singleElement().asString().contains("p99 150.0 ms");
	}

	@Test
	void failsEndToEndWhenTheBacklogGrowsOrOrdersStayOpen() {
		StepVerdict behind = StepVerdict.judge(run(1000, 10_000, 10_000, 800, 12, 2_000, 0), 100);
		assertThat(behind.placementSustained()).isTrue();
		assertThat(behind.endToEndSustained()).isFalse();
		assertThat(behind.reasons()).hasSize(2);
		StepVerdict open = StepVerdict.judge(run(1000, 10_000, 10_000, 1000, 12, 0, 3), 100);
		assertThat(open.endToEndSustained()).isFalse();
		assertThat(open.reasons()).containsExactly("3 orders not settled");
	}

	private static RunSummary run(int rate, long offered, long accepted, double settledPerSecond, double p99,
			long backlogGrowth, long notSettled) {
		Percentiles placement = new Percentiles(accepted, 2, 5, p99, p99, p99, 3);
		return new RunSummary("ramp", rate, 10, offered, accepted, offered - accepted, Map.of(), List.of(),
				offered / 10.0, accepted / 10.0, settledPerSecond, placement, Percentiles.NONE, Percentiles.NONE,
				Percentiles.NONE, Map.of(), 0, notSettled, backlogGrowth);
	}

}
