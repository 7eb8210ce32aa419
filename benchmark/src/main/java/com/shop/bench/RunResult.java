package com.shop.bench;

import java.util.List;

/**
 * A run's summary and its per-second series.
 *
 * @param summary the figures of the measured window
 * @param series every second of the run, warm-up and drain included
 * @param machineCpuBusyPercent how busy the machine's CPUs were during the run
 * @param loadAverage the load average (1, 5, 15 min) at the end of the run
 * @param cpuByProcess who used the CPU during the run (warm-up and drain included)
 * @param costs SQL statements, transactions and produce requests of the run (warm-up and
 * drain included), or null when not measured
 */
record RunResult(RunSummary summary, List<SecondPoint> series, double machineCpuBusyPercent, String loadAverage,
		List<ProcessCpu.Share> cpuByProcess, StackCosts.Costs costs) {

	RunResult withCosts(StackCosts.Costs costs) {
		return new RunResult(this.summary, this.series, this.machineCpuBusyPercent, this.loadAverage, this.cpuByProcess,
				costs);
	}

	/** CPU milliseconds per order of every process together. */
	double cpuMsPerOrder() {
		return Percentiles.round(this.cpuByProcess.stream().mapToDouble(ProcessCpu.Share::msPerOrder).sum());
	}

}
