package com.shop.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * How busy the whole machine was between two readings of /proc/stat (Linux), and the load
 * average: the services, the broker, the database, the generator, and anything else that
 * ran, so a report shows when the machine, not the pipeline, was the limit.
 */
final class CpuUsage {

	private final long busy;

	private final long total;

	private CpuUsage(long busy, long total) {
		this.busy = busy;
		this.total = total;
	}

	static CpuUsage now() {
		try {
			String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
			long[] ticks = Arrays.stream(fields).skip(1).mapToLong(Long::parseLong).toArray();
			long total = Arrays.stream(ticks).sum();
			// idle and iowait
			long idle = ticks[3] + ((ticks.length > 4) ? ticks[4] : 0);
			return new CpuUsage(total - idle, total);
		}
		catch (IOException | RuntimeException ex) {
			return new CpuUsage(0, 0);
		}
	}

	/** The share of CPU time busy since {@code earlier}, in percent, or -1 if unknown. */
	double busyPercentSince(CpuUsage earlier) {
		long total = this.total - earlier.total;
		return (total <= 0) ? -1 : Percentiles.round(100.0 * (this.busy - earlier.busy) / total);
	}

	static String loadAverage() {
		try {
			String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
			return fields[0] + " " + fields[1] + " " + fields[2];
		}
		catch (IOException | RuntimeException ex) {
			return "unknown";
		}
	}

}
