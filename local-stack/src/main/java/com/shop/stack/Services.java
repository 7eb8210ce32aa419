package com.shop.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.stream.Collectors;

/**
 * The services as separate JVMs, each running its {@code <module>/target/<module>.jar}
 * (through an extracted copy with a class archive, see {@link ClassDataSharing}), started
 * together and stopped together: SIGTERM to all, then up to 30 s each for a graceful stop
 * (90 s while a service writes its class archive).
 */
final class Services implements Component {

	private static final Duration STOP_GRACE = Duration.ofSeconds(30);

	// writing a class archive at exit takes a while, longer when all do it at once
	private static final Duration ARCHIVING_STOP_GRACE = Duration.ofSeconds(90);

	private final Map<ServiceSpec, ChildProcess> processes;

	private final Set<ServiceSpec> archiving;

	private final StackLayout layout;

	private Services(Map<ServiceSpec, ChildProcess> processes, Set<ServiceSpec> archiving, StackLayout layout) {
		this.processes = processes;
		this.archiving = archiving;
		this.layout = layout;
	}

	static Services launch(List<ServiceSpec> specs, StackLayout layout, DatabaseSettings database,
			KafkaUsers kafkaUsers, int smtpPort, String adminPassword, String webhookSecretKey,
			List<String> javaOptions, boolean classDataSharing) throws StackException {
		Map<ServiceSpec, List<String>> commands = new LinkedHashMap<>();
		ClassDataSharing cds = new ClassDataSharing(layout, javaOptions);
		try {
			// all prepared (and extracted) first, so that no extraction competes with a
			// start
			for (ServiceSpec spec : specs) {
				List<String> arguments = new ArrayList<>(javaOptions);
				arguments.add("-Djava.io.tmpdir=" + layout.tmp(spec.name()));
				arguments.addAll(classDataSharing ? cds.launchArguments(spec)
						: List.of("-jar", layout.jar(spec.name()).toString()));
				Files.createDirectories(layout.tmp(spec.name()));
				commands.put(spec, JavaCommand.of(arguments));
			}
		}
		catch (IOException ex) {
			throw new StackException("Cannot prepare the services", ex);
		}
		Map<ServiceSpec, ChildProcess> processes = new LinkedHashMap<>();
		Set<ServiceSpec> archiving = new LinkedHashSet<>();
		commands.forEach((spec, command) -> {
			if (ClassDataSharing.writesArchive(command)) {
				archiving.add(spec);
			}
		});
		Services services = new Services(processes, archiving, layout);
		for (ServiceSpec spec : specs) {
			try {
				processes.put(spec, ChildProcess.start(
						spec.name(), commands.get(spec), spec.environment(database, BrokerConfig.BOOTSTRAP,
								kafkaUsers.clientSettings(spec.name()), smtpPort, adminPassword, webhookSecretKey),
						layout.root(), layout.log(spec.name())));
			}
			catch (IOException ex) {
				services.stop();
				throw new StackException("Cannot start " + spec.name(), ex);
			}
		}
		return services;
	}

	/**
	 * Waits until every service reports UP, as long as each one still makes progress: it
	 * is alive and its log grew, or its health answer changed, within {@code stall}. Says
	 * every {@code every} what it is still waiting for. Fails at the first one that dies,
	 * that makes no progress for {@code stall}, or that is not UP after {@code deadline},
	 * with its last log lines.
	 */
	void awaitHealthy(StartupWait wait, long stackStart) throws StackException {
		HealthProbe probe = new HealthProbe();
		Map<ServiceSpec, ChildProcess> pending = new LinkedHashMap<>(this.processes);
		Map<ServiceSpec, Progress> progress = new LinkedHashMap<>();
		pending.keySet().forEach((spec) -> progress.put(spec, new Progress()));
		long started = System.nanoTime();
		long lastSaid = started;
		while (!pending.isEmpty()) {
			long now = System.nanoTime();
			for (Iterator<Map.Entry<ServiceSpec, ChildProcess>> it = pending.entrySet().iterator(); it.hasNext();) {
				Map.Entry<ServiceSpec, ChildProcess> entry = it.next();
				ChildProcess process = entry.getValue();
				if (!process.isAlive()) {
					throw new StackException(process.failure(
							process.name() + " exited during start-up (exit code " + process.exitCode() + ")",
							this.layout));
				}
				HealthProbe.State state = probe.state(entry.getKey().healthUrl());
				if (state == HealthProbe.State.UP) {
					Console.say(process.name() + " is UP on " + entry.getKey().url() + " after "
							+ Elapsed.since(stackStart));
					it.remove();
					continue;
				}
				Progress seen = progress.get(entry.getKey());
				seen.observe(logSize(process), state, now);
				if (now - seen.lastProgress > wait.stall().toNanos()) {
					throw new StackException(process.failure(process.name() + " made no progress for "
							+ wait.stall().toSeconds() + " s (its log did not grow and it is not UP)", this.layout));
				}
				if (now - started > wait.deadline().toNanos()) {
					throw new StackException(process.failure(process.name() + " was not healthy after "
							+ wait.deadline().toSeconds() + " s (STACK_START_TIMEOUT)", this.layout));
				}
			}
			if (!pending.isEmpty() && now - lastSaid >= wait.every().toNanos()) {
				lastSaid = now;
				Console.say("still starting after " + Elapsed.since(stackStart) + ": "
						+ pending.keySet()
							.stream()
							.map((spec) -> spec.name() + " (" + progress.get(spec).describe() + ")")
							.collect(Collectors.joining(", ")));
			}
			if (!pending.isEmpty()) {
				Pause.briefly();
			}
		}
	}

	/**
	 * How long to wait for the services.
	 *
	 * @param deadline the longest a start may take in all
	 * @param stall the longest a service may go without progress
	 * @param every how often to say what is still starting
	 */
	record StartupWait(Duration deadline, Duration stall, Duration every) {

		/** 10 minutes in all by default, or {@code STACK_START_TIMEOUT} seconds. */
		static StartupWait from(Map<String, String> environment) throws StackException {
			String configured = environment.get("STACK_START_TIMEOUT");
			Duration deadline = Duration.ofMinutes(10);
			if (configured != null && !configured.isBlank()) {
				deadline = Duration.ofSeconds(seconds(configured.trim()));
			}
			return new StartupWait(deadline, Duration.ofMinutes(2), Duration.ofSeconds(10));
		}

		private static long seconds(String configured) throws StackException {
			try {
				long seconds = Long.parseLong(configured);
				if (seconds > 0) {
					return seconds;
				}
			}
			catch (NumberFormatException ex) {
				// reported below
			}
			throw new StackException(
					"STACK_START_TIMEOUT must be a positive whole number of seconds, not '" + configured + "'");
		}

	}

	/** What a starting service was last seen doing. */
	private static final class Progress {

		private long logSize = -1;

		private HealthProbe.State state;

		private long lastProgress = System.nanoTime();

		void observe(long size, HealthProbe.State now, long at) {
			if (size > this.logSize || now != this.state) {
				this.lastProgress = at;
			}
			this.logSize = Math.max(this.logSize, size);
			this.state = now;
		}

		String describe() {
			return switch (this.state) {
				case DOWN -> "answers, not ready yet";
				case UNREACHABLE -> "starting, log at " + (this.logSize / 1024) + " KB";
				case UP -> "up";
			};
		}

	}

	private static long logSize(ChildProcess process) {
		try {
			return Files.size(process.log());
		}
		catch (IOException ex) {
			return 0;
		}
	}

	List<ChildProcess> processes() {
		return List.copyOf(this.processes.values());
	}

	@Override
	public String name() {
		return "services";
	}

	@Override
	public String stop() {
		this.processes.values().forEach(ChildProcess::requestStop);
		if (!this.archiving.isEmpty()) {
			Console.say("(" + this.archiving.stream().map(ServiceSpec::name).toList()
					+ " write their class archives now, once per build, for a faster next start)");
		}
		StringJoiner report = new StringJoiner("\n");
		this.processes.forEach((spec, process) -> report
			.add(process.awaitStop(this.archiving.contains(spec) ? ARCHIVING_STOP_GRACE : STOP_GRACE)));
		return report.toString();
	}

}
