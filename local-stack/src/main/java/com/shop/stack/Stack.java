package com.shop.stack;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The parts started so far, stopped in reverse order: services, Kafka, the mail sink,
 * PostgreSQL. A Ctrl-C during start-up waits for the part being started (which is then
 * stopped at once), and any child process still left after that is stopped too, so
 * nothing outlives the launcher.
 */
final class Stack {

	private static final long STARTUP_ABORT_MILLIS = 60_000;

	private final Deque<Component> started = new ArrayDeque<>();

	private volatile Thread startup;

	private boolean stopping;

	Stack(Thread startup) {
		this.startup = startup;
	}

	/**
	 * Records a started part; once stopping has begun, the part is stopped at once and
	 * the start-up ends.
	 */
	<T extends Component> T add(T component) throws StackException {
		synchronized (this) {
			if (!this.stopping) {
				this.started.push(component);
				return component;
			}
		}
		component.stop().lines().forEach(Console::say);
		throw new StackException("Stopped during start-up");
	}

	void startupFinished() {
		this.startup = null;
	}

	synchronized boolean isStopping() {
		return this.stopping;
	}

	void stopAll() {
		synchronized (this) {
			if (this.stopping) {
				return;
			}
			this.stopping = true;
		}
		Console.say("Stopping...");
		Component next;
		while ((next = pop()) != null) {
			try {
				next.stop().lines().forEach(Console::say);
			}
			catch (RuntimeException ex) {
				Console.warn("stopping " + next.name() + " failed: " + ex);
			}
		}
		abortStartup();
		stopLeftovers();
		Console.say("Stopped.");
	}

	private void abortStartup() {
		Thread starting = this.startup;
		if (starting != null && starting != Thread.currentThread() && starting.isAlive()) {
			// no interrupt: the embedded PostgreSQL could be left running without a
			// handle
			try {
				starting.join(STARTUP_ABORT_MILLIS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	private synchronized Component pop() {
		return this.started.poll();
	}

	private static void stopLeftovers() {
		List<ProcessHandle> left = ProcessHandle.current().children().filter(ProcessHandle::isAlive).toList();
		for (ProcessHandle process : left) {
			Optional<String> command = process.info().commandLine();
			process.destroy();
			try {
				process.onExit().get(10, TimeUnit.SECONDS);
			}
			catch (Exception ex) {
				process.destroyForcibly();
			}
			Console
				.say("also stopped pid " + process.pid() + command.map((c) -> " (" + abbreviate(c) + ")").orElse(""));
		}
	}

	private static String abbreviate(String commandLine) {
		return (commandLine.length() > 100) ? commandLine.substring(0, 100) + "..." : commandLine;
	}

}
