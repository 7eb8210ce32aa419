package com.shop.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a report three ways: report.json (every figure and series), report.html (the
 * charts, self-contained) and a markdown table for the terminal.
 */
final class ReportWriter {

	private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	private ReportWriter() {
	}

	static void write(Report report, Path directory) throws IOException {
		Files.createDirectories(directory);
		String json = JSON.writeValueAsString(report);
		Files.writeString(directory.resolve("report.json"), json, StandardCharsets.UTF_8);
		Files.writeString(directory.resolve("report.html"), html(report, json), StandardCharsets.UTF_8);
		Files.writeString(directory.resolve("report.md"), table(report), StandardCharsets.UTF_8);
	}

	static String table(Report report) {
		StringBuilder out = new StringBuilder();
		out.append("## Benchmark ").append(report.startedAt()).append("\n\n");
		out.append("Machine: ").append(report.machine().describe()).append("  \n");
		out.append("Services' JVM options: ").append(report.machine().serviceJavaOptions()).append("  \n");
		out.append("Trace sampling: ").append(report.tracingSampling()).append("\n\n");
		List<RunResult> runs = new ArrayList<>();
		List<String> labels = new ArrayList<>();
		if (report.fresh() != null) {
			runs.add(report.fresh());
			labels.add("fresh stack, first " + report.fresh().summary().accepted() + " orders, "
					+ report.options().clients() + " clients");
		}
		if (report.capacity() != null) {
			runs.add(report.capacity());
			labels.add("capacity, " + report.options().clients() + " clients");
		}
		for (RunResult run : report.latency()) {
			runs.add(run);
			labels.add("latency " + run.summary().rate() + "/s");
		}
		for (Report.RampStep step : report.ramp()) {
			runs.add(step.run());
			labels.add("ramp " + step.run().summary().rate() + "/s "
					+ (step.verdict().endToEndSustained() ? "held" : "not held"));
		}
		if (!runs.isEmpty()) {
			out.append("| run | accepted/s | settled/s | errors | not settled "
					+ "| placement ms p50 / p99 | placement to final state ms p50 / p90 / p99 / p99.9 / max "
					+ "| CPU ms/order | SQL statements / transactions per order | produce requests/order "
					+ "| machine CPU busy |\n");
			out.append("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n");
			for (int i = 0; i < runs.size(); i++) {
				RunResult result = runs.get(i);
				RunSummary run = result.summary();
				StackCosts.Costs costs = result.costs();
				out.append(String.format(Locale.ROOT,
						"| %s | %.0f | %.0f | %d | %d | %s | %s | %.2f | %s | %s | %.0f%% |%n", labels.get(i),
						run.acceptedPerSecond(), run.settledPerSecond(), run.errors(), run.notSettled(),
						two(run.placement()), ((run.notSettled() > 0) ? ">= " : "") + five(run.endToEnd()),
						result.cpuMsPerOrder(),
						(costs != null) ? String.format(Locale.ROOT, "%.1f / %.2f", costs.statementsPerOrder(),
								costs.transactionsPerOrder()) : "-",
						(costs != null) ? String.format(Locale.ROOT, "%.2f", costs.produceRequestsPerOrder()) : "-",
						result.machineCpuBusyPercent()));
			}
			out.append('\n');
		}
		for (int i = 0; i < runs.size(); i++) {
			if (labels.get(i).startsWith("ramp")) {
				continue;
			}
			RunResult result = runs.get(i);
			out.append(String.format(Locale.ROOT, "%s: CPU by process: %s  %n", labels.get(i),
					ProcessCpu.describe(result.cpuByProcess())));
			if (result.costs() != null) {
				out.append(String.format(Locale.ROOT, "%s: %s  %n", labels.get(i), result.costs().describe()));
			}
			RunSummary run = result.summary();
			out.append(String.format(Locale.ROOT, "%s: outcomes %s; unexpected %d; errors %s%n%n", labels.get(i),
					run.outcomes(), run.unexpectedOutcomes(), run.errorsByKind()));
		}
		for (Report.RampStep step : report.ramp()) {
			if (!step.verdict().reasons().isEmpty()) {
				out.append(String.format(Locale.ROOT, "ramp %d/s: %s%n", step.verdict().rate(),
						String.join("; ", step.verdict().reasons())));
			}
		}
		if (!report.ramp().isEmpty()) {
			out.append(String.format(Locale.ROOT,
					"%nHighest rate sustained with placement to final state p99 under %.0f ms: %s%n",
					report.options().endToEndP99BoundMs(), orNone(report.maxSustainedRate())));
		}
		out.append('\n');
		if (report.kafka() != null || !report.postgres().isEmpty()) {
			out.append("| baseline | figure |\n|---|--:|\n");
			if (report.kafka() != null) {
				KafkaBaseline.Result kafka = report.kafka();
				out.append(String.format(Locale.ROOT,
						"| Kafka ProducerPerformance, 300 B records, acks=all, linger.ms=5, 1 partition | %,.0f records/s (%.1f MB/s), avg %.0f ms, p99 %.0f ms |%n",
						kafka.recordsPerSecond(), kafka.megabytesPerSecond(), kafka.avgLatencyMs(),
						kafka.p99LatencyMs()));
			}
			for (PostgresBaseline.Result pg : report.postgres()) {
				out.append(String.format(Locale.ROOT,
						"| PostgreSQL durable 2-INSERT transactions (300 B rows, fsync %s), %d client%s | %,.0f tx/s |%n",
						pg.fsync(), pg.clients(), (pg.clients() == 1) ? "" : "s", pg.transactionsPerSecond()));
			}
			out.append('\n');
		}
		out.append("| target | measured | met |\n|---|---|---|\n");
		for (Report.Target target : report.targets()) {
			out.append("| ")
				.append(target.target())
				.append(" | ")
				.append(target.measured())
				.append(" | ")
				.append(target.met() ? "yes" : "NO")
				.append(" |\n");
		}
		return out.toString();
	}

	private static String five(Percentiles p) {
		return (p.count() == 0) ? "-" : String.format(Locale.ROOT, "%.1f / %.1f / %.1f / %.1f / %.1f", p.p50(), p.p90(),
				p.p99(), p.p999(), p.max());
	}

	private static String two(Percentiles p) {
		return (p.count() == 0) ? "-" : String.format(Locale.ROOT, "%.1f / %.1f", p.p50(), p.p99());
	}

	private static String orNone(Integer rate) {
		return (rate != null) ? rate + " orders/s" : "none of the steps";
	}

	static String html(Report report, String json) {
		String table = table(report);
		String escapedTable = table.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
		return TEMPLATE.replace("@TITLE@", "Shop benchmark " + report.startedAt())
			.replace("@TABLE@", escapedTable)
			.replace("@DATA@", json.replace("</", "<\\/"));
	}

	private static final String TEMPLATE = """
			<!DOCTYPE html>
			<html lang="en"><head><meta charset="utf-8"><title>@TITLE@</title>
			<style>
			body{font-family:system-ui,sans-serif;margin:1.5em;color:#222}
			pre{background:#f6f6f6;padding:1em;overflow-x:auto;font-size:12px}
			canvas{border:1px solid #ddd;margin:0.3em 0;max-width:100%}
			h2{margin-top:1.5em}
			</style></head><body>
			<h1>@TITLE@</h1>
			<p>Fixed-rate runs count latencies from the time each placement was due (open loop,
			coordinated-omission corrected); capacity runs from when each client sent it. Placement to
			final state: until the order's OrderConfirmed or OrderCancelled reached the generator's
			consumer of the <code>orders</code> topic. Shaded: warm-up.</p>
			<div id="charts"></div>
			<h2>Figures</h2>
			<pre>@TABLE@</pre>
			<script>
			const report = @DATA@;
			const runs = [];
			if (report.fresh) runs.push(["Fresh stack", [report.fresh]]);
			if (report.capacity) runs.push(["Capacity", [report.capacity]]);
			if (report.latency && report.latency.length) runs.push(["Latency", report.latency]);
			if (report.ramp && report.ramp.length) runs.push(["Ramp", report.ramp.map(s => s.run)]);
			const colors = ["#1f77b4", "#aec7e8", "#d62728", "#ff9896", "#2ca02c"];
			function concat(list) {
			  const points = [], marks = [];
			  let offset = 0;
			  for (const run of list) {
			    marks.push([offset, run.summary.rate ? run.summary.rate + "/s" : run.summary.name]);
			    for (const p of run.series) points.push(Object.assign({}, p, {t: offset + p.second}));
			    offset += run.series.length;
			  }
			  return {points, marks, length: offset};
			}
			function chart(title, data, series, unit, log) {
			  const c = document.createElement("canvas");
			  c.width = 1100; c.height = 300;
			  document.getElementById("charts").appendChild(c);
			  const g = c.getContext("2d"), L = 70, R = 180, T = 25, B = 30, W = c.width - L - R, H = c.height - T - B;
			  let max = 0, min = Infinity;
			  for (const p of data.points) for (const s of series) {
			    const v = p[s[0]];
			    if (v != null) { max = Math.max(max, v); if (v > 0) min = Math.min(min, v); }
			  }
			  if (max <= 0) max = 1;
			  if (!isFinite(min)) min = 0.1;
			  const lo = log ? Math.pow(10, Math.floor(Math.log10(min))) : 0;
			  const hi = log ? Math.pow(10, Math.ceil(Math.log10(max))) : max * 1.1;
			  const y = v => T + H - (log ? (Math.log10(Math.max(v, lo)) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo))
			                                : v / hi) * H;
			  const x = t => L + (data.length <= 1 ? 0 : t / (data.length - 1) * W);
			  g.font = "12px sans-serif"; g.fillStyle = "#222"; g.fillText(title, L, 15);
			  g.fillStyle = "#eee";
			  for (const p of data.points) if (p.warmup) g.fillRect(x(p.t) - W / data.length / 2, T, W / Math.max(1, data.length), H);
			  g.strokeStyle = "#999"; g.strokeRect(L, T, W, H);
			  g.fillStyle = "#555";
			  const ticks = log ? [] : [0, 0.25, 0.5, 0.75, 1].map(f => f * hi);
			  if (log) for (let v = lo; v <= hi * 1.001; v *= 10) ticks.push(v);
			  for (const v of ticks) {
			    g.fillText((v >= 100 ? v.toFixed(0) : v.toPrecision(2)) + " " + unit, 2, y(v) + 4);
			    g.strokeStyle = "#eee"; g.beginPath(); g.moveTo(L, y(v)); g.lineTo(L + W, y(v)); g.stroke();
			  }
			  g.strokeStyle = "#bbb";
			  for (const [t, label] of data.marks) {
			    g.beginPath(); g.moveTo(x(t), T); g.lineTo(x(t), T + H); g.stroke();
			    g.fillText(label, x(t) + 2, T + H + 14);
			  }
			  g.fillText("seconds", L + W - 50, T + H + 26);
			  series.forEach((s, i) => {
			    g.strokeStyle = colors[i % colors.length]; g.lineWidth = 1.5; g.beginPath();
			    let started = false;
			    for (const p of data.points) {
			      const v = p[s[0]];
			      if (v == null) { started = false; continue; }
			      if (started) g.lineTo(x(p.t), y(v)); else g.moveTo(x(p.t), y(v));
			      started = true;
			    }
			    g.stroke(); g.lineWidth = 1;
			    g.fillStyle = colors[i % colors.length];
			    g.fillRect(L + W + 15, T + 10 + i * 18, 12, 3);
			    g.fillStyle = "#222"; g.fillText(s[1], L + W + 32, T + 15 + i * 18);
			  });
			}
			for (const [name, list] of runs) {
			  const data = concat(list);
			  chart(name + ": latency per second (ms, log scale; by due time)", data,
			        [["placementP50", "placement p50"], ["placementP99", "placement p99"],
			         ["e2eP50", "end to end p50"], ["e2eP99", "end to end p99"]], "ms", true);
			  chart(name + ": throughput per second (orders/s)", data,
			        [["offered", "offered"], ["accepted", "accepted"], ["settled", "settled"],
			         ["errors", "errors"]], "", false);
			  chart(name + ": placed orders not yet settled (backlog)", data,
			        [["backlog", "not yet settled"]], "", false);
			}
			</script></body></html>
			""";

}
