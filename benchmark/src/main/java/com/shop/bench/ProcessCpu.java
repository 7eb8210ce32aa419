package com.shop.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * CPU time by process of the stack, from the operating system's process table: each
 * service, the broker, the database, the load generator itself and everything else. The
 * machine's busy share says that the CPU ran out; this says who used it, and per order
 * what each part costs. Processes in containers count where the host can see them (Docker
 * on Linux); where it cannot, their time is missing, not misattributed.
 */
final class ProcessCpu {

	private static final List<String> SERVICES = List.of("order-service", "inventory-service", "payment-service",
			"notification-service");

	private static final long SELF = ProcessHandle.current().pid();

	private final Map<Long, Reading> readings;

	private ProcessCpu(Map<Long, Reading> readings) {
		this.readings = readings;
	}

	private record Reading(String process, long cpuNanos) {
	}

	/**
	 * One process's share of a run.
	 *
	 * @param process what it is: a service, "kafka broker", "postgresql", "load
	 * generator", "launcher (SMTP sink)", "kernel and unreadable" or "other"
	 * @param cpuSeconds CPU time used during the run (core-seconds)
	 * @param msPerOrder {@code cpuSeconds} per order accepted in the run, in milliseconds
	 */
	record Share(String process, double cpuSeconds, double msPerOrder) {
	}

	static ProcessCpu now() {
		Map<Long, Reading> readings = new HashMap<>();
		ProcessHandle.allProcesses().forEach((process) -> {
			Optional<Duration> cpu = process.info().totalCpuDuration();
			if (cpu.isPresent()) {
				readings.put(process.pid(), new Reading(kind(process), cpu.get().toNanos()));
			}
		});
		return new ProcessCpu(readings);
	}

	/**
	 * CPU used by each kind of process since {@code earlier}, largest first. A process
	 * that started since counts from zero; one that ended since is missing.
	 */
	List<Share> since(ProcessCpu earlier, long orders) {
		Map<String, Long> nanos = new HashMap<>();
		this.readings.forEach((pid, now) -> {
			Reading before = earlier.readings.get(pid);
			long used = now.cpuNanos() - ((before != null) ? before.cpuNanos() : 0);
			if (used > 0) {
				nanos.merge(now.process(), used, Long::sum);
			}
		});
		List<Share> shares = new ArrayList<>();
		nanos.forEach((process, used) -> shares.add(new Share(process, Percentiles.round(used / 1e9),
				(orders > 0) ? Percentiles.round(used / 1e6 / orders) : 0)));
		shares.sort((a, b) -> Double.compare(b.cpuSeconds(), a.cpuSeconds()));
		return shares;
	}

	/** "order-service 12.3 s (4.10 ms/order), ...": the shares on one line. */
	static String describe(List<Share> shares) {
		return shares.stream()
			.map((share) -> String.format(Locale.ROOT, "%s %.1f s (%.2f ms/order)", share.process(), share.cpuSeconds(),
					share.msPerOrder()))
			.collect(Collectors.joining(", "));
	}

	private static String kind(ProcessHandle process) {
		if (process.pid() == SELF) {
			return "load generator";
		}
		Optional<String> command = process.info().command();
		if (command.isEmpty()) {
			// kernel threads (disk I/O for the commits' flushes among them) and processes
			// this user may not inspect
			return "kernel and unreadable";
		}
		String executable = Path.of(command.get()).getFileName().toString();
		List<String> arguments = List.of(process.info().arguments().orElse(new String[0]));
		if (executable.equals("postgres")) {
			return "postgresql";
		}
		if (!executable.equals("java")) {
			return "other";
		}
		if (arguments.contains("kafka.Kafka")) {
			return "kafka broker";
		}
		if (arguments.contains("com.shop.stack.LocalStack")) {
			return "launcher (SMTP sink)";
		}
		return service(arguments).orElse("other");
	}

	/**
	 * The service a JVM runs, from the executable jar it was started with (as the local
	 * stack starts them; the Docker images start a launcher class, so they count as
	 * "other").
	 */
	static Optional<String> service(List<String> arguments) {
		return SERVICES.stream()
			.filter((service) -> arguments.stream()
				.anyMatch((argument) -> argument.equals(service + ".jar") || argument.endsWith("/" + service + ".jar")))
			.findFirst();
	}

}
