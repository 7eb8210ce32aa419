package com.shop.stack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Collections;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Faster service start-up with the JVM's class data sharing, the way Spring Boot
 * documents it: a service jar is extracted once into {@code .stack/cds/<service>/}, the
 * JVM archives the loaded classes when that service first exits, and later starts map the
 * archive instead of loading and verifying thousands of classes again. A rebuilt jar with
 * other content, another JVM or other JVM options start over. {@code STACK_CDS=off} runs
 * the jars as they are.
 */
final class ClassDataSharing {

	private static final String ARCHIVE_AT_EXIT = "-XX:ArchiveClassesAtExit=";

	private final StackLayout layout;

	private final List<String> javaOptions;

	ClassDataSharing(StackLayout layout, List<String> javaOptions) {
		this.layout = layout;
		this.javaOptions = javaOptions;
	}

	static boolean enabled(Map<String, String> env) {
		return !"off".equalsIgnoreCase(env.getOrDefault("STACK_CDS", "on"));
	}

	/**
	 * The arguments after the JVM options that run the service, with its class archive.
	 */
	List<String> launchArguments(ServiceSpec service) throws IOException {
		Path jar = this.layout.jar(service.name());
		Path dir = this.layout.data().resolve("cds").resolve(service.name());
		Path extracted = dir.resolve("app").resolve(service.name() + ".jar");
		Path keyFile = dir.resolve("key");
		String key = key(jar, this.javaOptions);
		if (!Files.isRegularFile(extracted) || !key.equals(read(keyFile))) {
			deleteRecursively(dir);
			if (!extract(service, jar, dir.resolve("app"))) {
				return List.of("-jar", jar.toString());
			}
			Files.writeString(keyFile, key);
		}
		Path archive = dir.resolve(service.name() + ".jsa");
		String archiveOption = Files.isRegularFile(archive) ? "-XX:SharedArchiveFile=" : ARCHIVE_AT_EXIT;
		// the JVM lists every class it cannot archive; that is expected and not worth a
		// log
		return List.of(archiveOption + archive, "-Xlog:cds*=off", "-jar", extracted.toString());
	}

	/** Whether these launch arguments write the archive when the service exits. */
	static boolean writesArchive(List<String> arguments) {
		return arguments.stream().anyMatch((argument) -> argument.startsWith(ARCHIVE_AT_EXIT));
	}

	private boolean extract(ServiceSpec service, Path jar, Path destination) throws IOException {
		Path log = this.layout.log(service.name() + "-extract");
		ChildProcess extract = ChildProcess.start(service.name() + " extract", JavaCommand
			.of(List.of("-Djarmode=tools", "-jar", jar.toString(), "extract", "--destination", destination.toString())),
				Map.of(), this.layout.root(), log);
		try {
			if (extract.waitFor(Duration.ofSeconds(60)) && extract.exitCode() == 0) {
				return true;
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		extract.stop(Duration.ofSeconds(5));
		Console.warn("could not extract " + this.layout.relative(jar) + " for class data sharing (see "
				+ this.layout.relative(log) + "); running the jar as it is");
		return false;
	}

	/**
	 * Identifies what the archive depends on: the jar's entries by name and checksum (not
	 * by file time, so an unchanged rebuild keeps the archive), the JVM and its options.
	 */
	static String key(Path jar, List<String> javaOptions) throws IOException {
		MessageDigest digest = sha256();
		try (ZipFile zip = new ZipFile(jar.toFile())) {
			for (ZipEntry entry : Collections.list(zip.entries())) {
				digest.update((entry.getName() + ' ' + entry.getCrc() + ' ' + entry.getSize() + '\n')
					.getBytes(StandardCharsets.UTF_8));
			}
		}
		digest.update((System.getProperty("java.vm.version") + ' ' + javaOptions).getBytes(StandardCharsets.UTF_8));
		return HexFormat.of().formatHex(digest.digest());
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String read(Path file) throws IOException {
		return Files.isRegularFile(file) ? Files.readString(file).strip() : "";
	}

	private static void deleteRecursively(Path dir) throws IOException {
		if (!Files.exists(dir)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(dir)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
	}

}
