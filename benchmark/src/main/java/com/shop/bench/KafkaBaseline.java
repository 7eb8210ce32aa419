package com.shop.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * What the broker itself sustains: Kafka's own {@code ProducerPerformance} (300-byte
 * records, acks=all, linger.ms=5, one partition) in a child JVM on the launcher's
 * classpath, against a scratch topic deleted afterwards.
 */
final class KafkaBaseline {

	static final String TOPIC = "bench.baseline";

	static final int RECORDS = 300_000;

	// "300000 records sent, 116959.06 records/sec (33.46 MB/sec), 150.93 ms avg latency,
	// 400.00 ms max latency, 130 ms 50th, 300 ms 95th, 380 ms 99th, 398 ms 99.9th."
	private static final Pattern SUMMARY = Pattern.compile(
			"(\\d+) records sent, ([\\d.]+) records/sec \\(([\\d.]+) MB/sec\\), ([\\d.]+) ms avg latency, ([\\d.]+) ms max latency"
					+ "(?:, (\\d+) ms 50th, (\\d+) ms 95th, (\\d+) ms 99th, (\\d+) ms 99.9th)?");

	/**
	 * The producer baseline.
	 *
	 * @param records records sent
	 * @param recordsPerSecond throughput
	 * @param megabytesPerSecond throughput in MB/s
	 * @param avgLatencyMs mean send latency
	 * @param p99LatencyMs 99th percentile send latency, or -1 if not printed
	 * @param summary the tool's summary line
	 */
	record Result(long records, double recordsPerSecond, double megabytesPerSecond, double avgLatencyMs,
			double p99LatencyMs, String summary) {
	}

	static Result parse(List<String> lines) {
		Result result = null;
		for (String line : lines) {
			Matcher matcher = SUMMARY.matcher(line);
			if (matcher.find()) {
				result = new Result(Long.parseLong(matcher.group(1)), Double.parseDouble(matcher.group(2)),
						Double.parseDouble(matcher.group(3)), Double.parseDouble(matcher.group(4)),
						(matcher.group(8) != null) ? Double.parseDouble(matcher.group(8)) : -1, line.trim());
			}
		}
		if (result == null) {
			throw new IllegalStateException("ProducerPerformance printed no summary: " + String.join("\n", lines));
		}
		return result;
	}

	static Result run(Path root, String bootstrap) throws IOException, InterruptedException, ExecutionException {
		Path launcher = root.resolve("local-stack/target/local-stack.jar");
		if (!Files.isRegularFile(launcher)) {
			throw new IOException("the launcher is not built: " + launcher);
		}
		Map<String, Object> adminConfig = new HashMap<>(StackLogins.kafka(root));
		adminConfig.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
		Path login = StackLogins.kafkaConfig(root);
		try (Admin admin = Admin.create(adminConfig)) {
			deleteQuietly(admin);
			admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get();
			try {
				Console.say("Kafka baseline: ProducerPerformance, %d records of 300 bytes, acks=all", RECORDS);
				List<String> command = new ArrayList<>(
						List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m", "-cp",
								launcher + ":" + root.resolve("local-stack/target/lib") + "/*",
								"org.apache.kafka.tools.ProducerPerformance", "--topic", TOPIC, "--num-records",
								String.valueOf(RECORDS), "--record-size", "300", "--throughput", "-1",
								"--producer-props", "acks=all", "bootstrap.servers=" + bootstrap, "linger.ms=5"));
				if (Files.isRegularFile(login)) {
					command.addAll(List.of("--producer.config", login.toString()));
				}
				Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
				List<String> lines = new ArrayList<>();
				try (BufferedReader reader = new BufferedReader(
						new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
					String line;
					while ((line = reader.readLine()) != null) {
						lines.add(line);
					}
				}
				if (!process.waitFor(120, TimeUnit.SECONDS)) {
					process.destroyForcibly();
					throw new IOException("ProducerPerformance did not finish");
				}
				return parse(lines);
			}
			finally {
				deleteQuietly(admin);
			}
		}
	}

	private static void deleteQuietly(Admin admin) throws InterruptedException {
		try {
			if (admin.listTopics().names().get().contains(TOPIC)) {
				admin.deleteTopics(Set.of(TOPIC)).all().get();
			}
		}
		catch (ExecutionException ex) {
			Console.say("could not delete %s: %s", TOPIC, ex.getCause().getMessage());
		}
	}

}
