package com.shop.stack;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code ./stack topics}: every topic of a broker with its partitions, records, cleanup
 * policy and the lag of each consumer group on it; dead-letter topics that hold records
 * stand out.
 */
public final class TopicOverview {

	static final String USAGE = """
			Usage:
			  ./stack topics [--bootstrap-server HOST:PORT]
			      Lists every topic but the broker's internal ones (__consumer_offsets ...):
			      partitions, records (end offset minus start offset, summed over the
			      partitions), cleanup policy, and for each consumer group that committed
			      offsets on the topic its lag: the records past its committed offsets, summed
			      over the partitions (a partition it committed nothing on counts whole).
			      Dead-letter topics that hold records are marked and listed at the end.
			      Uses the admin API only: reads no records and joins no group.

			  --bootstrap-server defaults to %s, the broker of ./stack up.
			  Exit codes: 0 done; 1 Kafka unreachable (after about 10 s) or failing; 2 wrong usage.
			""".formatted(BrokerConfig.BOOTSTRAP);

	private final PrintStream out;

	private final PrintStream err;

	private final Duration timeout;

	TopicOverview(PrintStream out, PrintStream err, Duration timeout) {
		this.out = out;
		this.err = err;
		this.timeout = timeout;
	}

	public static void main(String[] args) {
		System.exit(new TopicOverview(System.out, System.err, BrokerCommand.TIMEOUT).run(args));
	}

	int run(String... args) {
		return BrokerCommand.run(args, Options::parse, USAGE, (options, kafka) -> {
			this.out.print(render(kafka.bootstrapServers(), TopicSummaries.collect(kafka)));
			return BrokerCommand.OK;
		}, this.out, this.err, this.timeout);
	}

	static String render(String bootstrapServers, List<TopicSummary> topics) {
		StringBuilder text = new StringBuilder("Topics on " + bootstrapServers + " (internal topics hidden)\n\n");
		if (topics.isEmpty()) {
			return text.append("  none yet (the services create theirs when they start)\n").toString();
		}
		int width = Math.max("TOPIC".length(),
				topics.stream().mapToInt((topic) -> topic.name().length()).max().orElse(0));
		String row = "  %-" + width + "s  %10s  %8s  %-14s  %s%n";
		text.append(String.format(row, "TOPIC", "PARTITIONS", "RECORDS", "CLEANUP", "LAG PER CONSUMER GROUP"));
		for (TopicSummary topic : topics) {
			text.append(String
				.format(row, topic.name(), topic.partitions(), topic.records(), topic.cleanupPolicy(), lag(topic))
				.stripTrailing()).append('\n');
		}
		List<TopicSummary> deadLetters = topics.stream().filter(TopicSummary::holdsDeadLetters).toList();
		text.append('\n');
		if (deadLetters.isEmpty()) {
			return text.append("No dead letters.\n").toString();
		}
		text.append("!! Dead letters: ")
			.append(deadLetters.stream()
				.map((topic) -> topic.name() + " " + RecordText.count(topic.records()))
				.collect(Collectors.joining(", ")))
			.append("; see ./stack dlt list\n");
		return text.toString();
	}

	private static String lag(TopicSummary topic) {
		String lag = topic.lagByGroup()
			.entrySet()
			.stream()
			.map((group) -> group.getKey() + " " + group.getValue())
			.collect(Collectors.joining(", "));
		return topic.holdsDeadLetters()
				? "!! " + RecordText.count(topic.records()) + " dead-lettered" + (lag.isEmpty() ? "" : "; " + lag)
				: lag;
	}

	/** The command line: only where the broker is. */
	record Options(boolean help, String bootstrapServers) implements BrokerCommand.Options {

		static Options parse(String... args) throws UsageException {
			boolean help = false;
			String bootstrapServers = BrokerConfig.BOOTSTRAP;
			Arguments rest = new Arguments(List.of(args));
			while (rest.hasNext()) {
				String arg = rest.next();
				switch (Arguments.name(arg)) {
					case "-h", "--help", "help" -> help = true;
					case "--bootstrap-server" -> bootstrapServers = rest.value(arg);
					default -> throw new UsageException("Unexpected argument: " + arg);
				}
			}
			return new Options(help, bootstrapServers);
		}

	}

}
