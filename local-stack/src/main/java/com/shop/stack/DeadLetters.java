package com.shop.stack;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.shop.stack.DeadLetterOptions.Command;
import com.shop.stack.DeadLetterOptions.UsageException;

/**
 * {@code ./stack dlt}: lists what the {@code <topic>.DLT} topics hold and replays chosen
 * dead letters to the topic they failed on, against the local stack's broker or any
 * other. See {@link DeadLetterOptions#USAGE}.
 */
public final class DeadLetters {

	static final int OK = 0;

	static final int FAILED = 1;

	static final int USAGE = 2;

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private final PrintStream out;

	private final PrintStream err;

	private final Duration timeout;

	DeadLetters(PrintStream out, PrintStream err, Duration timeout) {
		this.out = out;
		this.err = err;
		this.timeout = timeout;
	}

	public static void main(String[] args) {
		System.exit(new DeadLetters(System.out, System.err, TIMEOUT).run(args));
	}

	int run(String... args) {
		DeadLetterOptions options;
		try {
			options = DeadLetterOptions.parse(args);
		}
		catch (UsageException ex) {
			this.err.println(ex.getMessage());
			this.err.println();
			this.err.print(DeadLetterOptions.USAGE);
			return USAGE;
		}
		if (options.command() == Command.HELP) {
			this.out.print(DeadLetterOptions.USAGE);
			return OK;
		}
		try (DeadLetterTopics kafka = DeadLetterTopics.connect(options.bootstrapServers(), this.timeout)) {
			return (options.command() == Command.LIST) ? list(options, kafka) : replay(options, kafka);
		}
		catch (BrokerException ex) {
			this.err.println(ex.getMessage());
			return FAILED;
		}
	}

	private int list(DeadLetterOptions options, DeadLetterTopics kafka) throws BrokerException {
		List<String> topics = (options.topic() != null) ? List.of(options.topic()) : kafka.names();
		if (options.topic() != null && !kafka.exists(options.topic())) {
			return noSuchTopic(options.topic(), kafka);
		}
		Map<String, List<DeadLetter>> byTopic = new LinkedHashMap<>();
		for (String topic : topics) {
			byTopic.put(topic, kafka.read(topic));
		}
		this.out.print(DeadLetterListing.summary(kafka.bootstrapServers(), byTopic));
		byTopic.forEach((topic, letters) -> {
			if (letters.isEmpty()) {
				return;
			}
			List<DeadLetter> newest = newest(letters, options.limit());
			this.out.print(DeadLetterListing.heading(topic, letters.size(), newest.size()));
			newest.forEach((letter) -> this.out.print(DeadLetterListing.describe(letter)));
		});
		return OK;
	}

	/** The newest {@code limit} letters, oldest first. */
	private static List<DeadLetter> newest(List<DeadLetter> letters, int limit) {
		List<DeadLetter> inTimeOrder = letters.stream()
			.sorted(Comparator.comparing(DeadLetter::timestamp)
				.thenComparing(DeadLetter::partition)
				.thenComparing(DeadLetter::offset))
			.toList();
		return inTimeOrder.subList(Math.max(0, inTimeOrder.size() - limit), inTimeOrder.size());
	}

	private int replay(DeadLetterOptions options, DeadLetterTopics kafka) throws BrokerException {
		String topic = options.topic();
		if (!kafka.exists(topic)) {
			return noSuchTopic(topic, kafka);
		}
		List<DeadLetter> letters = kafka.read(topic);
		List<DeadLetter> chosen = letters.stream()
			.filter((letter) -> options.all() || options.offsets().contains(letter.position()))
			.sorted(Comparator.comparing(DeadLetter::partition).thenComparing(DeadLetter::offset))
			.toList();
		Set<String> missing = new TreeSet<>(options.offsets());
		chosen.forEach((letter) -> missing.remove(letter.position()));
		if (!missing.isEmpty()) {
			this.err.println("No record at " + String.join(", ", missing) + " in " + topic + " (it holds "
					+ letters.size() + "; see ./stack dlt list --topic " + topic + "). Nothing was sent.");
			return FAILED;
		}
		if (chosen.isEmpty()) {
			this.out.println(topic + " is empty; nothing to replay.");
			return OK;
		}
		for (String target : new TreeSet<>(chosen.stream().map(DeadLetter::originalTopic).toList())) {
			if (!kafka.exists(target)) {
				this.err.println("The source topic " + target + " does not exist on " + kafka.bootstrapServers()
						+ ". Nothing was sent.");
				return FAILED;
			}
		}
		if (options.dryRun()) {
			this.out.println("Dry run: would send " + count(chosen.size()) + " from " + topic + " on "
					+ kafka.bootstrapServers() + ":");
			chosen.forEach((letter) -> this.out.println("  " + letter.topic() + " " + letter.position() + " -> "
					+ letter.originalTopic() + "  " + DeadLetterReplay.describe(letter)));
			return OK;
		}
		this.out.println("Replaying " + count(chosen.size()) + " from " + topic + " on " + kafka.bootstrapServers()
				+ " (dead letter -> new position on the source topic):");
		DeadLetterReplay.send(chosen, kafka, this.out);
		this.out.println("Done. Consumer groups that processed these events already skip them (same ce_id); the group "
				+ "that gave up handles them again. The dead letters stay in " + topic + ".");
		return OK;
	}

	private int noSuchTopic(String topic, DeadLetterTopics kafka) throws BrokerException {
		List<String> names = kafka.names();
		this.err.println("There is no topic " + topic + " on " + kafka.bootstrapServers() + " (dead-letter topics: "
				+ (names.isEmpty() ? "none" : String.join(", ", names)) + ").");
		return FAILED;
	}

	private static String count(int records) {
		return records + ((records == 1) ? " record" : " records");
	}

}
