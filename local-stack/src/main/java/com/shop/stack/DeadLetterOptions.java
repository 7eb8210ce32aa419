package com.shop.stack;

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
		Set<String> offsets, boolean dryRun) implements BrokerCommand.Options {

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

	@Override
	public boolean help() {
		return this.command == Command.HELP;
	}

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
		Arguments rest = new Arguments(List.of(args).subList(1, args.length));
		while (rest.hasNext()) {
			String arg = rest.next();
			switch (Arguments.name(arg)) {
				case "-h", "--help" -> command = Command.HELP;
				case "--bootstrap-server" -> bootstrapServers = rest.value(arg);
				case "--topic" -> topic = deadLetterTopic(rest.value(arg));
				case "--limit" -> {
					belongsTo(Command.LIST, command, arg);
					limit = Arguments.count("--limit", rest.value(arg));
				}
				case "--offset" -> {
					belongsTo(Command.REPLAY, command, arg);
					offsets.add(offset(rest.value(arg)));
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

	private static String deadLetterTopic(String topic) throws UsageException {
		if (!topic.endsWith(DeadLetter.SUFFIX) || topic.length() == DeadLetter.SUFFIX.length()) {
			throw new UsageException("Not a dead-letter topic: " + topic + " (their names end with .DLT).");
		}
		return topic;
	}

	private static String offset(String value) throws UsageException {
		if (!value.matches("[0-9]{1,9}:[0-9]{1,18}")) {
			throw new UsageException("--offset needs PARTITION:OFFSET (e.g. 0:12), not " + value + ".");
		}
		return Long.parseLong(value.substring(0, value.indexOf(':'))) + ":"
				+ Long.parseLong(value.substring(value.indexOf(':') + 1));
	}

}
