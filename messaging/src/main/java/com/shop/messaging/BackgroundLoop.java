package com.shop.messaging;

import java.time.Duration;

import org.springframework.context.SmartLifecycle;

/**
 * A loop on a thread of its own that starts and stops with the application: the outbox
 * relay, and the services' writers and senders that work through a queue in batches. On
 * stop it is told to finish ({@link #running()} turns false and {@link #wakeUp()} ends a
 * wait), and given {@code stopTimeout} to do so.
 */
public abstract class BackgroundLoop implements SmartLifecycle {

	private final String name;

	private final Duration stopTimeout;

	private volatile boolean running;

	private Thread thread;

	protected BackgroundLoop(String name, Duration stopTimeout) {
		this.name = name;
		this.stopTimeout = stopTimeout;
	}

	/** The loop: runs until {@link #running()} is false. */
	protected abstract void run();

	/** Ends a wait of the loop, so it sees a stop at once; nothing by default. */
	protected void wakeUp() {
	}

	/** Whether the loop should go on. */
	protected final boolean running() {
		return this.running;
	}

	@Override
	public void start() {
		this.running = true;
		this.thread = new Thread(this::run, this.name);
		this.thread.setDaemon(true);
		this.thread.start();
	}

	@Override
	public void stop() {
		this.running = false;
		wakeUp();
		try {
			this.thread.join(this.stopTimeout.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

}
