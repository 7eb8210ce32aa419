package com.shop.stack;

import java.util.List;

/**
 * The command line of {@code ./stack tail}, checked before anything connects to Kafka.
 *
 * @param limit how many of the records that exist at the start to show: the newest (or,
 * from the beginning, the first) {@code limit}; {@code null} for the default
 */
record TailOptions(boolean help, String bootstrapServers, String topic, boolean fromBeginning, RecordFilter filter,
		boolean follow, Integer limit) implements BrokerCommand.Options {

	static final int DEFAULT_LIMIT = 10;

	static final String USAGE = """
			Usage:
			  ./stack tail TOPIC [--from-beginning] [--type TYPE] [--key KEY] [--follow] [--limit N]
			                     [--bootstrap-server HOST:PORT]
			      Prints the records of a topic, oldest first, each with its time, partition:offset,
			      key, ce_type, ce_id, ce_source and traceparent, then its value (JSON pretty
			      printed); on a *.DLT topic also the error that made the consumer give up.
			      Without --from-beginning: the newest N records that exist now (default %d).
			      With --from-beginning: all records from the start, or the first N with --limit.
			      --type   only events of this type: the full ce_type or its end, with or without
			               the version (shop.order.placed.v1, order.placed and placed all match
			               shop.order.placed.v1)
			      --key    only records with exactly this key (the orderId on the order topics)
			      --follow after those, go on printing new records as they arrive, until Ctrl-C
			      Without --follow it stops at the end offsets the topic had at the start. It joins
			      no consumer group (it assigns itself every partition and seeks) and commits
			      nothing. Status lines go to stderr, records to stdout.

			  --bootstrap-server defaults to %s, the broker of ./stack up.
			  Exit codes: 0 done; 1 Kafka unreachable (after about 10 s) or failing, or no such
			  topic; 2 wrong usage.
			""".formatted(DEFAULT_LIMIT, BrokerConfig.BOOTSTRAP);

	static TailOptions parse(String... args) throws UsageException {
		boolean help = false;
		String bootstrapServers = BrokerConfig.BOOTSTRAP;
		String topic = null;
		boolean fromBeginning = false;
		String type = null;
		String key = null;
		boolean follow = false;
		Integer limit = null;
		Arguments rest = new Arguments(List.of(args));
		while (rest.hasNext()) {
			String arg = rest.next();
			switch (Arguments.name(arg)) {
				case "-h", "--help", "help" -> help = true;
				case "--bootstrap-server" -> bootstrapServers = rest.value(arg);
				case "--from-beginning" -> fromBeginning = true;
				case "--type" -> type = notBlank(arg, rest.value(arg));
				case "--key" -> key = rest.value(arg);
				case "--follow", "-f" -> follow = true;
				case "--limit" -> limit = Arguments.count("--limit", rest.value(arg));
				default -> {
					if (arg.startsWith("-") || topic != null) {
						throw new UsageException("Unexpected argument: " + arg);
					}
					topic = arg;
				}
			}
		}
		if (topic == null && !help) {
			throw new UsageException("Name the topic to read, e.g. ./stack tail orders.");
		}
		return new TailOptions(help, bootstrapServers, topic, fromBeginning, new RecordFilter(type, key), follow,
				limit);
	}

	/** How many of the records that exist at the start to show at most. */
	int backlogLimit() {
		if (this.limit != null) {
			return this.limit;
		}
		return this.fromBeginning ? Integer.MAX_VALUE : DEFAULT_LIMIT;
	}

	private static String notBlank(String option, String value) throws UsageException {
		if (value.isBlank()) {
			throw new UsageException(option + " needs a value.");
		}
		return value;
	}

}
