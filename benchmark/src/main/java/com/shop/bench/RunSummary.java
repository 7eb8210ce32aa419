package com.shop.bench;

import java.util.List;
import java.util.Map;

/**
 * The figures of one run's measured window.
 *
 * @param name what the run was for
 * @param rate the offered rate (orders/s)
 * @param windowSeconds the measured window
 * @param offered orders due in the window
 * @param accepted of those, answered 202
 * @param errors of those, failed (by kind in {@code errorsByKind})
 * @param errorsByKind HTTP status, exception or "generator saturated"
 * @param errorSamples the first few errors with their detail
 * @param offeredPerSecond offered / window
 * @param acceptedPerSecond accepted / window
 * @param settledPerSecond orders of this run that settled during the window / window
 * @param placement from due time to the 202
 * @param endToEnd from due time to the settling record on {@code orders}; orders still
 * open count with the time waited so far (so with {@code notSettled > 0} these are lower
 * bounds)
 * @param endToEndConfirmed the same for CONFIRMED orders
 * @param endToEndCancelled the same for CANCELLED orders
 * @param outcomes settled orders of the window by outcome (CANCELLED by reason)
 * @param unexpectedOutcomes orders that settled other than the mix intended
 * @param notSettled orders of the window never seen settling
 * @param backlogGrowth how much the placed-but-unsettled count grew over the window
 */
record RunSummary(String name, int rate, double windowSeconds, long offered, long accepted, long errors,
		Map<String, Long> errorsByKind, List<String> errorSamples, double offeredPerSecond, double acceptedPerSecond,
		double settledPerSecond, Percentiles placement, Percentiles endToEnd, Percentiles endToEndConfirmed,
		Percentiles endToEndCancelled, Map<String, Long> outcomes, long unexpectedOutcomes, long notSettled,
		long backlogGrowth) {
}
