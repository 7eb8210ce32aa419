package com.shop.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * One service running as its own JVM from its executable jar, as in production:
 * configured by environment variables, logging to a file, reachable on its own port.
 */
final class ServiceProcess {

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final String name;

	private final int port;

	private final Path log;

	private final List<String> command;

	private final Path tmpdir;

	private final Map<String, String> environment;

	private Process process;

	private ServiceProcess(String name, int port, Path log, List<String> command, Path tmpdir,
			Map<String, String> environment) {
		this.name = name;
		this.tmpdir = tmpdir;
		this.port = port;
		this.log = log;
		this.command = command;
		this.environment = environment;
	}

	static ServiceProcess of(Path root, String name, int port, Map<String, String> environment) {
		Path jar = root.resolve(name).resolve("target").resolve(name + ".jar");
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException(jar + " is missing: the system tests run the packaged services; run"
					+ " them with ./mvnw verify, which packages every service first");
		}
		Path target = root.resolve("system-tests").resolve("target");
		List<String> command = new ArrayList<>(List.of(
				Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m", "-XX:+UseSerialGC",
				"-XX:TieredStopAtLevel=1", "-Djava.io.tmpdir=" + target.resolve("tmp"), "-jar", jar.toString()));
		return new ServiceProcess(name, port, target.resolve("logs").resolve(name + ".log"), command,
				target.resolve("tmp"), environment);
	}

	String name() {
		return this.name;
	}

	String url() {
		return "http://localhost:" + this.port;
	}

	Path log() {
		return this.log;
	}

	void start() {
		try {
			Files.createDirectories(this.log.getParent());
			Files.createDirectories(this.tmpdir);
			ProcessBuilder builder = new ProcessBuilder(this.command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(this.log.toFile()));
			builder.environment().putAll(this.environment);
			builder.environment().put("SERVER_PORT", String.valueOf(this.port));
			this.process = builder.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot start " + this.name, ex);
		}
	}

	/** Waits until the service reports itself ready (database and broker reachable). */
	void awaitReady(Duration timeout) {
		await(this.name + " ready").atMost(timeout).pollInterval(Duration.ofMillis(250)).until(() -> {
			if (!this.process.isAlive()) {
				throw new IllegalStateException(
						this.name + " exited with " + this.process.exitValue() + "; see " + this.log);
			}
			return isReady();
		});
	}

	/** Whether the readiness probe answers UP (200) right now. */
	boolean isReady() {
		try {
			HttpRequest request = HttpRequest.newBuilder(URI.create(url() + "/actuator/health/readiness"))
				.timeout(Duration.ofSeconds(2))
				.build();
			return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/** SIGKILL: the service dies at once, with no chance to finish anything. */
	void kill() {
		this.process.destroyForcibly();
		try {
			this.process.waitFor();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** SIGTERM: the service shuts down gracefully. */
	void stop() {
		if (this.process != null && this.process.isAlive()) {
			this.process.destroy();
			try {
				if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
					this.process.destroyForcibly().waitFor();
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

}
