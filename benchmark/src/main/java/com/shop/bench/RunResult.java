package com.shop.bench;

import java.util.List;

/**
 * A run's summary and its per-second series.
 *
 * @param summary the figures of the measured window
 * @param series every second of the run, warm-up and drain included
 */
record RunResult(RunSummary summary, List<SecondPoint> series) {
}
