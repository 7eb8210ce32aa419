package com.shop.bench;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StepVerdictTests {

	@Test
	void sustainsARateThePipelineKeepsUpWith() {
		StepVerdict verdict = StepVerdict.judge(run(1000, 10_000, 9_990, 998, 120, 30, 0), 1000);
		assertThat(verdict.placementSustained()).isTrue();
		assertThat(verdict.endToEndSustained()).isTrue();
		assertThat(verdict.reasons()).isEmpty();
	}

	@Test
	void failsPlacementWhenTooFewAreAccepted() {
		StepVerdict rejected = StepVerdict.judge(run(1000, 10_000, 9_000, 900, 120, 0, 0), 1000);
		assertThat(rejected.placementSustained()).isFalse();
		assertThat(rejected.endToEndSustained()).isFalse();
	}

	@Test
	void failsEndToEndWhenThePlacementToFinalStateP99IsTooHigh() {
		StepVerdict slow = StepVerdict.judge(run(1000, 10_000, 10_000, 1000, 1500, 0, 0), 1000);
		assertThat(slow.placementSustained()).isTrue();
		assertThat(slow.endToEndSustained()).isFalse();
		assertThat(slow.reasons()).singleElement().asString().contains("p99 1500.0 ms");
	}

	@Test
	void failsEndToEndWhenTheBacklogGrowsOrOrdersStayOpen() {
		StepVerdict behind = StepVerdict.judge(run(1000, 10_000, 10_000, 800, 120, 2_000, 0), 1000);
		assertThat(behind.placementSustained()).isTrue();
		assertThat(behind.endToEndSustained()).isFalse();
		assertThat(behind.reasons()).hasSize(2);
		StepVerdict open = StepVerdict.judge(run(1000, 10_000, 10_000, 1000, 120, 0, 3), 1000);
		assertThat(open.endToEndSustained()).isFalse();
		assertThat(open.reasons()).containsExactly("3 orders not settled");
	}

	private static RunSummary run(int rate, long offered, long accepted, double settledPerSecond, double endToEndP99,
			long backlogGrowth, long notSettled) {
		Percentiles placement = new Percentiles(accepted, 2, 5, 9, 9, 9, 3);
		Percentiles endToEnd = new Percentiles(accepted, 40, 60, endToEndP99, endToEndP99, endToEndP99, 45);
		return new RunSummary("ramp", rate, 10, offered, accepted, offered - accepted, Map.of(), List.of(),
				offered / 10.0, accepted / 10.0, settledPerSecond, placement, endToEnd, Percentiles.NONE,
				Percentiles.NONE, Map.of(), 0, notSettled, backlogGrowth);
	}

}
