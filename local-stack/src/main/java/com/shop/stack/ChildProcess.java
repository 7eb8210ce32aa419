package com.shop.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A process the stack started, writing to its own log file (the previous run's log is
 * kept as {@code <name>.log.1}). Stopping sends SIGTERM and waits before it kills.
 */
final class ChildProcess {

	private final String name;

	private final Process process;

	private final Path log;

	private volatile boolean stopRequested;

	private volatile boolean exitedBeforeStop;

	private ChildProcess(String name, Process process, Path log) {
		this.name = name;
		this.process = process;
		this.log = log;
	}

	static ChildProcess start(String name, List<String> command, Map<String, String> environment, Path directory,
			Path log) throws IOException {
		if (Files.exists(log)) {
			Files.move(log, log.resolveSibling(log.getFileName() + ".1"), StandardCopyOption.REPLACE_EXISTING);
		}
		ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
		builder.environment().putAll(environment);
		return new ChildProcess(name, builder.start(), log);
	}

	String name() {
		return this.name;
	}

	Path log() {
		return this.log;
	}

	boolean isAlive() {
		return this.process.isAlive();
	}

	int exitCode() {
		return this.process.exitValue();
	}

	boolean waitFor(Duration timeout) throws InterruptedException {
		return this.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
	}

	/**
	 * Sends SIGTERM without waiting, so that several children can stop at the same time.
	 */
	void requestStop() {
		this.stopRequested = true;
		this.exitedBeforeStop = !this.process.isAlive();
		this.process.destroy();
	}

	/**
	 * Waits for a requested stop, killing the process when it takes longer than the grace
	 * time.
	 */
	String awaitStop(Duration grace) {
		if (this.exitedBeforeStop) {
			return this.name + " had already exited (exit code " + exitCode() + ")";
		}
		long start = System.nanoTime();
		try {
			if (!waitFor(grace)) {
				this.process.destroyForcibly();
				this.process.waitFor(5, TimeUnit.SECONDS);
				return this.name + " killed after " + grace.toSeconds() + " s";
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.process.destroyForcibly();
			return this.name + " killed (interrupted)";
		}
		return this.name + " stopped in " + Elapsed.since(start);
	}

	String stop(Duration grace) {
		requestStop();
		return awaitStop(grace);
	}

	/** Calls back when the process ends without having been asked to. */
	void onUnexpectedExit(Consumer<ChildProcess> action) {
		this.process.onExit().thenRun(() -> {
			if (!this.stopRequested) {
				action.accept(this);
			}
		});
	}

	String failure(String what, StackLayout layout) {
		return LogTail.format(what + ". Last 30 lines of " + layout.relative(this.log) + ":", this.log, 30);
	}

}
