package com.shop.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The machine a benchmark ran on, as the report states it.
 *
 * @param cores available processors
 * @param cpu the CPU model
 * @param memoryGb total memory
 * @param java the generator's Java runtime
 * @param os the operating system
 * @param serviceJavaOptions order-service's JVM options (-X...), read from its command
 * line
 */
record Machine(int cores, String cpu, double memoryGb, String java, String os, String serviceJavaOptions) {

	static Machine current() {
		return new Machine(Runtime.getRuntime().availableProcessors(), cpuModel(), totalMemoryGb(),
				System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
				System.getProperty("os.name") + " " + System.getProperty("os.version"), runningServiceJavaOptions());
	}

	private static String runningServiceJavaOptions() {
		return ProcessHandle.allProcesses()
			.filter((process) -> process.info().command().orElse("").endsWith("java"))
			.map((process) -> List.of(process.info().arguments().orElse(new String[0])))
			.filter((arguments) -> ProcessCpu.service(arguments).filter("order-service"::equals).isPresent())
			.findFirst()
			.map((arguments) -> arguments.stream()
				.filter((argument) -> argument.startsWith("-X"))
				.collect(Collectors.joining(" ")))
			.map((options) -> options.isEmpty() ? "none (the JVM's defaults)" : options)
			.orElse("unknown (no order-service.jar process visible)");
	}

	private static String cpuModel() {
		return lines("/proc/cpuinfo").stream()
			.filter((line) -> line.startsWith("model name"))
			.map((line) -> line.substring(line.indexOf(':') + 1).trim())
			.findFirst()
			.orElse(System.getProperty("os.arch"));
	}

	private static double totalMemoryGb() {
		return lines("/proc/meminfo").stream()
			.filter((line) -> line.startsWith("MemTotal:"))
			.map((line) -> line.replaceAll("[^0-9]", ""))
			.mapToDouble((kb) -> Percentiles.round(Long.parseLong(kb) / 1024.0 / 1024.0))
			.findFirst()
			.orElse(0);
	}

	private static List<String> lines(String file) {
		try {
			return Files.readAllLines(Path.of(file));
		}
		catch (IOException ex) {
			return List.of();
		}
	}

	String describe() {
		return String.format(Locale.ROOT, "%d cores, %s, %.1f GB RAM, %s, %s", this.cores, this.cpu, this.memoryGb,
				this.os, this.java);
	}

}
