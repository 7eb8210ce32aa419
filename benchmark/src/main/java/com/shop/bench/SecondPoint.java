package com.shop.bench;

/**
 * One second of a run, for the charts. Latencies (ms) belong to the orders due in that
 * second; counts to what happened in it; {@code null} when nothing was measured.
 *
 * @param second seconds since the run started
 * @param warmup whether the second is part of the warm-up
 * @param offered placements due
 * @param accepted placements answered 202
 * @param settled orders that settled
 * @param errors placements that failed
 * @param placementP50 median placement latency
 * @param placementP99 99th percentile placement latency
 * @param e2eP50 median end-to-end latency
 * @param e2eP99 99th percentile end-to-end latency
 * @param backlog placed orders not yet settled at the end of the second
 */
record SecondPoint(int second, boolean warmup, long offered, long accepted, long settled, long errors,
		Double placementP50, Double placementP99, Double e2eP50, Double e2eP99, long backlog) {
}
