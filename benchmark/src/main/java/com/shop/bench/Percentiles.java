package com.shop.bench;

import org.HdrHistogram.Histogram;

/**
 * A latency distribution in milliseconds, read from a histogram of microseconds.
 *
 * @param count how many values
 * @param p50 median
 * @param p90 90th percentile
 * @param p99 99th percentile
 * @param p999 99.9th percentile
 * @param max the largest value
 * @param mean the mean
 */
record Percentiles(long count, double p50, double p90, double p99, double p999, double max, double mean) {

	static final Percentiles NONE = new Percentiles(0, 0, 0, 0, 0, 0, 0);

	static Percentiles of(Histogram micros) {
		if (micros.getTotalCount() == 0) {
			return NONE;
		}
		return new Percentiles(micros.getTotalCount(), ms(micros.getValueAtPercentile(50)),
				ms(micros.getValueAtPercentile(90)), ms(micros.getValueAtPercentile(99)),
				ms(micros.getValueAtPercentile(99.9)), ms(micros.getMaxValue()), round(micros.getMean() / 1000.0));
	}

	/** A new histogram of microseconds up to an hour, three significant digits. */
	static Histogram histogram() {
		return new Histogram(3_600_000_000L, 3);
	}

	private static double ms(long micros) {
		return round(micros / 1000.0);
	}

	static double round(double value) {
		return Math.round(value * 100.0) / 100.0;
	}

}
