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
	 * Waits until every service reports UP; fails at the first one that dies or stays
	 * down too long.
	 */
	void awaitHealthy(Duration timeout, long stackStart) throws StackException {
		HealthProbe probe = new HealthProbe();
		Map<ServiceSpec, ChildProcess> pending = new LinkedHashMap<>(this.processes);
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!pending.isEmpty()) {
			for (Iterator<Map.Entry<ServiceSpec, ChildProcess>> it = pending.entrySet().iterator(); it.hasNext();) {
				Map.Entry<ServiceSpec, ChildProcess> entry = it.next();
				ChildProcess process = entry.getValue();
				if (!process.isAlive()) {
					throw new StackException(process.failure(
							process.name() + " exited during start-up (exit code " + process.exitCode() + ")",
							this.layout));
				}
				if (probe.isUp(entry.getKey().healthUrl())) {
					Console.say(process.name() + " is UP on " + entry.getKey().url() + " after "
							+ Elapsed.since(stackStart));
					it.remove();
				}
			}
			if (!pending.isEmpty() && System.nanoTime() > deadline) {
				ChildProcess late = pending.values().iterator().next();
				throw new StackException(
						late.failure(
								late.name() + " was not healthy after " + timeout.toSeconds() + " s (still waiting for "
										+ pending.keySet().stream().map(ServiceSpec::name).toList() + ")",
								this.layout));
			}
			if (!pending.isEmpty()) {
				Pause.briefly();
			}
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
