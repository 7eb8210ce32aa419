package com.shop.stack;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The command line of {@code ./stack dlt}: {@code list} or {@code replay} and their
 * options, checked before anything connects to Kafka.
 */
record DeadLetterOptions(Command command, String topic, String bootstrapServers, int limit, boolean all,
		Set<String> offsets, boolean dryRun) {

	enum Command {

		LIST, REPLAY, HELP

	}

	static final int DEFAULT_LIMIT = 20;

	static final String USAGE = """
			Usage:
			  ./stack dlt list [--topic TOPIC.DLT] [--limit N] [--bootstrap-server HOST:PORT]
			      Counts the records of every *.DLT topic (or of the one named), then shows the
			      newest N of each (default %d): position (partition:offset), the original
			      topic, partition and offset, the consumer group that gave up, the times, key,
			      ce_type, ce_id, the error, the original headers and the value. Reads without a
			      consumer group and commits nothing.

			  ./stack dlt replay TOPIC.DLT (--all | --offset P:O [--offset P:O ...]) [--dry-run]
			                     [--bootstrap-server HOST:PORT]
			      Sends the chosen dead letters (P:O as list shows them) back to the topic they
			      failed on (kafka_dlt-original-topic, else the name without .DLT) with the same
			      key, value and original headers; the kafka_dlt-* headers are dropped.
			      Consumers skip events whose ce_id they have already processed, so only the
			      consumer group that gave up handles a replayed event again; when several groups
			      gave up on the same event, replaying one of its dead letters is enough. Fix the
			      cause first: a record that fails again goes back to the DLT.
			      Nothing is removed from the DLT (Kafka cannot delete single records); the new
			      offsets printed for each record tell replays apart.
			      --dry-run shows what would be sent and sends nothing.

			  --bootstrap-server defaults to %s, the broker of ./stack up.
			  Exit codes: 0 done; 1 Kafka unreachable (after about 10 s) or failing, or a topic
			  or offset that does not exist; 2 wrong usage.
			""".formatted(DEFAULT_LIMIT, BrokerConfig.BOOTSTRAP);

	static DeadLetterOptions parse(String... args) throws UsageException {
		if (args.length == 0) {
			throw new UsageException("Name a command: list or replay.");
		}
		Command command = switch (args[0]) {
			case "list" -> Command.LIST;
			case "replay" -> Command.REPLAY;
			case "help", "-h", "--help" -> Command.HELP;
			default -> throw new UsageException("Unknown command: " + args[0]);
		};
		String topic = null;
		String bootstrapServers = BrokerConfig.BOOTSTRAP;
		int limit = DEFAULT_LIMIT;
		boolean all = false;
		boolean dryRun = false;
		Set<String> offsets = new LinkedHashSet<>();
		List<String> rest = new ArrayList<>(List.of(args).subList(1, args.length));
		while (!rest.isEmpty()) {
			String arg = rest.remove(0);
			String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
			switch (name) {
				case "-h", "--help" -> command = Command.HELP;
				case "--bootstrap-server" -> bootstrapServers = value(arg, rest);
				case "--topic" -> topic = deadLetterTopic(value(arg, rest));
				case "--limit" -> {
					belongsTo(Command.LIST, command, arg);
					limit = limit(value(arg, rest));
				}
				case "--offset" -> {
					belongsTo(Command.REPLAY, command, arg);
					offsets.add(offset(value(arg, rest)));
				}
				case "--all" -> {
					belongsTo(Command.REPLAY, command, arg);
					all = true;
				}
				case "--dry-run" -> {
					belongsTo(Command.REPLAY, command, arg);
					dryRun = true;
				}
				default -> {
					if (arg.startsWith("-") || topic != null) {
						throw new UsageException("Unexpected argument: " + arg);
					}
					topic = deadLetterTopic(arg);
				}
			}
		}
		if (command == Command.REPLAY) {
			if (topic == null) {
				throw new UsageException("Name the dead-letter topic to replay from, e.g. orders.DLT.");
			}
			if (all == !offsets.isEmpty()) {
				throw new UsageException("Choose the records: either --all or one or more --offset PARTITION:OFFSET.");
			}
		}
		return new DeadLetterOptions(command, topic, bootstrapServers, limit, all, Collections.unmodifiableSet(offsets),
				dryRun);
	}

	private static void belongsTo(Command owner, Command command, String option) throws UsageException {
		if (command != owner && command != Command.HELP) {
			throw new UsageException(option + " belongs to " + owner.name().toLowerCase(Locale.ROOT) + ", not "
					+ command.name().toLowerCase(Locale.ROOT) + ".");
		}
	}

	private static String value(String arg, List<String> rest) throws UsageException {
		if (arg.contains("=")) {
			return arg.substring(arg.indexOf('=') + 1);
		}
		if (rest.isEmpty() || rest.get(0).startsWith("--")) {
			throw new UsageException(arg + " needs a value.");
		}
		return rest.remove(0);
	}

	private static String deadLetterTopic(String topic) throws UsageException {
		if (!topic.endsWith(DeadLetterTopics.SUFFIX) || topic.length() == DeadLetterTopics.SUFFIX.length()) {
			throw new UsageException("Not a dead-letter topic: " + topic + " (their names end with .DLT).");
		}
		return topic;
	}

	private static int limit(String value) throws UsageException {
		try {
			int limit = Integer.parseInt(value);
			if (limit >= 0) {
				return limit;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw new UsageException("--limit needs a number of records, not " + value + ".");
	}

	private static String offset(String value) throws UsageException {
		if (!value.matches("[0-9]{1,9}:[0-9]{1,18}")) {
			throw new UsageException("--offset needs PARTITION:OFFSET (e.g. 0:12), not " + value + ".");
		}
		return Long.parseLong(value.substring(0, value.indexOf(':'))) + ":"
				+ Long.parseLong(value.substring(value.indexOf(':') + 1));
	}

	/** A command line that does not make sense; the message says what is wrong. */
	static final class UsageException extends Exception {

		UsageException(String message) {
			super(message);
		}

	}

}
