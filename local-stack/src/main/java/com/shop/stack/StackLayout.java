package com.shop.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the local stack finds the service jars and keeps its state: everything it writes
 * lives under {@code .stack/} in the repository, so data survives restarts and
 * {@code rm -rf .stack} resets it.
 */
record StackLayout(Path root) {

	StackLayout {
		root = root.toAbsolutePath().normalize();
	}

	Path data() {
		return this.root.resolve(".stack");
	}

	Path postgres() {
		return data().resolve("postgres");
	}

	Path kafka() {
		return data().resolve("kafka");
	}

	/** Passwords and the files that hold them; readable by the owner only. */
	Path secrets() {
		return data().resolve("secrets");
	}

	Path adminPassword() {
		return secrets().resolve("admin-password");
	}

	Path webhookSecretKey() {
		return secrets().resolve("webhook-secret-key");
	}

	Path kafkaUsers() {
		return secrets().resolve("kafka-users.properties");
	}

	/** The admin's login for the Kafka CLI tools ({@code --command-config}). */
	Path adminClientProperties() {
		return secrets().resolve("admin-client.properties");
	}

	/** The broker's configuration: it holds its own and the controller's password. */
	Path kafkaConfig() {
		return secrets().resolve("kafka-server.properties");
	}

	Path logs() {
		return data().resolve("logs");
	}

	Path log(String name) {
		return logs().resolve(name + ".log");
	}

	Path tmp(String name) {
		return data().resolve("tmp").resolve(name);
	}

	Path jar(String module) {
		return this.root.resolve(module).resolve("target").resolve(module + ".jar");
	}

	/** Shows a path the way a developer in the repository root would type it. */
	String relative(Path path) {
		return this.root.relativize(path).toString();
	}

	void createDirectories() {
		try {
			Files.createDirectories(logs());
			Files.createDirectories(kafka());
			Files.createDirectories(data().resolve("tmp"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
