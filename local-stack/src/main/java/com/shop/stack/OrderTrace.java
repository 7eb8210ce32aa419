package com.shop.stack;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.shop.events.Envelope;
import com.shop.events.Topics;

/**
 * {@code ./stack trace ORDER_ID}: one order's path through every topic. Reads the topics
 * keyed by orderId and their dead-letter topics to their end, keeps the records keyed by
 * the order (or whose {@code ce_subject} names it) and prints them as a {@link Timeline}.
 */
public final class OrderTrace {

	/** The topics keyed by orderId, in the order an order passes them. */
	static final List<String> ORDER_TOPICS = List.of(Topics.ORDERS, Topics.INVENTORY, Topics.PAYMENTS,
			Topics.NOTIFICATIONS);

	static final String USAGE = """
			Usage:
			  ./stack trace ORDER_ID [--json] [--bootstrap-server HOST:PORT]
			      One order's path through the pipeline: every record with that key (or that
			      ce_subject) on %s and their .DLT
			      topics, in the order they were written, one line each: record time,
			      milliseconds since the first, topic, ce_source, ce_type. The last line says
			      how long it took from the first to the last event and whether a terminal
			      event (%s) was seen.
			      --json   also print each record's value, pretty printed
			      Reads every partition to its current end without a consumer group; commits
			      nothing.

			  --bootstrap-server defaults to %s, the broker of ./stack up.
			  Exit codes: 0 done; 1 Kafka unreachable (after about 10 s) or failing, or no
			  record of that order; 2 wrong usage.
			""".formatted(String.join(", ", ORDER_TOPICS), String.join(" / ", Timeline.TERMINAL_TYPES),
			BrokerConfig.BOOTSTRAP);

	private final PrintStream out;

	private final PrintStream err;

	private final Duration timeout;

	OrderTrace(PrintStream out, PrintStream err, Duration timeout) {
		this.out = out;
		this.err = err;
		this.timeout = timeout;
	}

	public static void main(String[] args) {
		System.exit(new OrderTrace(System.out, System.err, BrokerCommand.TIMEOUT).run(args));
	}

	int run(String... args) {
		return BrokerCommand.run(args, Options::parse, USAGE, this::trace, this.out, this.err, this.timeout);
	}

	private int trace(Options options, BrokerConnection kafka) throws BrokerException {
		List<String> existing = kafka.topics();
		List<String> topics = new ArrayList<>(ORDER_TOPICS);
		ORDER_TOPICS.forEach((topic) -> topics.add(Topics.deadLetter(topic)));
		topics.retainAll(existing);
		List<TopicRecord> found = new ArrayList<>();
		new TopicReader(kafka).read(topics, false, (record) -> {
			if (isOf(options.orderId(), record)) {
				found.add(record);
			}
		});
		if (found.isEmpty()) {
			throw new BrokerException("No record of order " + options.orderId() + " (as key or ce_subject) on "
					+ (topics.isEmpty() ? "any topic: there are none yet" : String.join(", ", topics)) + " at "
					+ kafka.bootstrapServers() + ".");
		}
		this.out.println("Order " + options.orderId() + " on " + kafka.bootstrapServers() + " (read "
				+ String.join(", ", topics) + "):");
		this.out.print(Timeline.of(found).render(options.json()));
		return BrokerCommand.OK;
	}

	private static boolean isOf(String orderId, TopicRecord record) {
		return orderId.equals(record.keyText()) || orderId.equals(record.text(Envelope.SUBJECT));
	}

	/** The command line: the order, and whether to print the values. */
	record Options(boolean help, String bootstrapServers, String orderId,
			boolean json) implements BrokerCommand.Options {

		static Options parse(String... args) throws UsageException {
			boolean help = false;
			String bootstrapServers = BrokerConfig.BOOTSTRAP;
			String orderId = null;
			boolean json = false;
			Arguments rest = new Arguments(List.of(args));
			while (rest.hasNext()) {
				String arg = rest.next();
				switch (Arguments.name(arg)) {
					case "-h", "--help", "help" -> help = true;
					case "--bootstrap-server" -> bootstrapServers = rest.value(arg);
					case "--json" -> json = true;
					default -> {
						if (arg.startsWith("-") || orderId != null) {
							throw new UsageException("Unexpected argument: " + arg);
						}
						orderId = arg;
					}
				}
			}
			if (orderId == null && !help) {
				throw new UsageException("Name the order, e.g. ./stack trace 0aa02eee-2729-47c7-b85a-5ac04e037941.");
			}
			return new Options(help, bootstrapServers, orderId, json);
		}

	}

}
