package com.shop.stack;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.shop.stack.DeadLetterOptions.Command;

/**
 * {@code ./stack dlt}: lists what the {@code <topic>.DLT} topics hold and replays chosen
 * dead letters to the topic they failed on, against the local stack's broker or any
 * other. See {@link DeadLetterOptions#USAGE}.
 */
public final class DeadLetters {

	private static final int OK = BrokerCommand.OK;

	private static final int FAILED = BrokerCommand.FAILED;

	private final PrintStream out;

	private final PrintStream err;

	private final Duration timeout;

	DeadLetters(PrintStream out, PrintStream err, Duration timeout) {
		this.out = out;
		this.err = err;
		this.timeout = timeout;
	}

	public static void main(String[] args) {
		System.exit(new DeadLetters(System.out, System.err, BrokerCommand.TIMEOUT).run(args));
	}

	int run(String... args) {
		return BrokerCommand.run(args, DeadLetterOptions::parse, DeadLetterOptions.USAGE, this::run, this.out, this.err,
				this.timeout);
	}

	private int run(DeadLetterOptions options, BrokerConnection kafka) throws BrokerException {
		return (options.command() == Command.LIST) ? list(options, kafka) : replay(options, kafka);
	}

	private int list(DeadLetterOptions options, BrokerConnection kafka) throws BrokerException {
		List<String> topics = (options.topic() != null) ? List.of(options.topic()) : kafka.deadLetterTopics();
		if (options.topic() != null && !kafka.exists(options.topic())) {
			throw noSuchTopic(options.topic(), kafka);
		}
		Map<String, List<DeadLetter>> byTopic = new LinkedHashMap<>();
		topics.forEach((topic) -> byTopic.put(topic, new ArrayList<>()));
		new TopicReader(kafka).readToEnd(topics)
			.forEach((record) -> byTopic.get(record.topic()).add(new DeadLetter(record)));
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

	private static List<DeadLetter> read(String topic, BrokerConnection kafka) throws BrokerException {
		return new TopicReader(kafka).readToEnd(List.of(topic)).stream().map(DeadLetter::new).toList();
	}

	/** The newest {@code limit} letters, oldest first. */
	private static List<DeadLetter> newest(List<DeadLetter> letters, int limit) {
		List<DeadLetter> inTimeOrder = letters.stream()
			.sorted(Comparator.comparing(DeadLetter::record, TopicRecord.IN_TIME_ORDER))
			.toList();
		return inTimeOrder.subList(Math.max(0, inTimeOrder.size() - limit), inTimeOrder.size());
	}

	private int replay(DeadLetterOptions options, BrokerConnection kafka) throws BrokerException {
		String topic = options.topic();
		if (!kafka.exists(topic)) {
			throw noSuchTopic(topic, kafka);
		}
		List<DeadLetter> letters = read(topic, kafka);
		List<DeadLetter> chosen = letters.stream()
			.filter((letter) -> options.all() || options.offsets().contains(letter.position()))
			.sorted(Comparator.comparingInt((DeadLetter letter) -> letter.record().partition())
				.thenComparingLong((letter) -> letter.record().offset()))
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
			this.out.println("Dry run: would send " + RecordText.count(chosen.size()) + " from " + topic + " on "
					+ kafka.bootstrapServers() + ":");
			chosen.forEach((letter) -> this.out.println("  " + letter.topic() + " " + letter.position() + " -> "
					+ letter.originalTopic() + "  " + DeadLetterReplay.describe(letter)));
			return OK;
		}
		this.out.println("Replaying " + RecordText.count(chosen.size()) + " from " + topic + " on "
				+ kafka.bootstrapServers() + " (dead letter -> new position on the source topic):");
		DeadLetterReplay.send(chosen, kafka, this.out);
		this.out.println("Done. Consumer groups that processed these events already skip them (same ce_id); the group "
				+ "that gave up handles them again. The dead letters stay in " + topic + ".");
		return OK;
	}

	private static BrokerException noSuchTopic(String topic, BrokerConnection kafka) throws BrokerException {
		return kafka.noSuchTopic(topic, kafka.deadLetterTopics(), "dead-letter topics");
	}

}
