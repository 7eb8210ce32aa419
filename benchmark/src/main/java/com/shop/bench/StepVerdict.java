package com.shop.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * Whether a rate is sustainable. Placement: at least 95% of the offered orders accepted.
 * End to end, in addition: the time from placement to final state stays under the bound
 * at p99, the pipeline settles at least 95% of the accepted rate, its backlog grows by
 * less than half a second of orders over the window, and every order settles.
 *
 * @param rate the offered rate
 * @param placementSustained whether placement keeps up
 * @param endToEndSustained whether the whole pipeline keeps up
 * @param reasons what fell short, empty when both hold
 */
record StepVerdict(int rate, boolean placementSustained, boolean endToEndSustained, List<String> reasons) {

	static StepVerdict judge(RunSummary run, double endToEndP99BoundMs) {
		List<String> placement = new ArrayList<>();
		if (run.accepted() < 0.95 * run.offered()) {
			placement.add(String.format("accepted %d of %d offered", run.accepted(), run.offered()));
		}
		List<String> pipeline = new ArrayList<>();
		if (run.endToEnd().p99() >= endToEndP99BoundMs) {
			pipeline.add(String.format("placement to final state p99 %.1f ms >= %.0f ms", run.endToEnd().p99(),
					endToEndP99BoundMs));
		}
		if (run.settledPerSecond() < 0.95 * run.acceptedPerSecond()) {
			pipeline.add(String.format("settled %.0f/s of %.0f/s accepted", run.settledPerSecond(),
					run.acceptedPerSecond()));
		}
		if (run.backlogGrowth() > run.rate() / 2) {
			pipeline.add(String.format("backlog grew by %d orders", run.backlogGrowth()));
		}
		if (run.notSettled() > 0) {
			pipeline.add(String.format("%d orders not settled", run.notSettled()));
		}
		List<String> reasons = new ArrayList<>(placement);
		reasons.addAll(pipeline);
		return new StepVerdict(run.rate(), placement.isEmpty(), placement.isEmpty() && pipeline.isEmpty(),
				List.copyOf(reasons));
	}

}
