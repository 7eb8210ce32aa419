package com.shop.stack;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.shop.events.Envelope;

/**
 * {@code ./stack tail}: the records of one topic with their envelope and pretty-printed
 * value, filtered by event type and key, and, with {@code --follow}, new ones as they
 * arrive. See {@link TailOptions#USAGE}.
 */
public final class TopicTail {

	private static final int LABEL_WIDTH = 12;

	private static final int MAX_VALUE_LINES = 500;

	private static final int MAX_VALUE_CHARS = 50_000;

	private final PrintStream out;

	private final PrintStream err;

	private final Duration timeout;

	private volatile TopicReader reader;

	private volatile boolean stopped;

	TopicTail(PrintStream out, PrintStream err, Duration timeout) {
		this.out = out;
		this.err = err;
		this.timeout = timeout;
	}

	public static void main(String[] args) {
		TopicTail tail = new TopicTail(System.out, System.err, BrokerCommand.TIMEOUT);
		CountDownLatch finished = new CountDownLatch(1);
		// Ctrl-C ends --follow: the reader stops, the summary is printed, then the JVM
		// exits
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			tail.stop();
			try {
				finished.await(5, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}, "tail-stop"));
		int exit = tail.run(args);
		finished.countDown();
		System.exit(exit);
	}

	int run(String... args) {
		return BrokerCommand.run(args, TailOptions::parse, TailOptions.USAGE, this::tail, this.out, this.err,
				this.timeout);
	}

	/** Ends the reading, from any thread; {@link #run} then returns normally. */
	void stop() {
		this.stopped = true;
		TopicReader current = this.reader;
		if (current != null) {
			current.stop();
		}
	}

	private int tail(TailOptions options, BrokerConnection kafka) throws BrokerException {
		if (!kafka.exists(options.topic())) {
			throw kafka.noSuchTopic(options.topic(), kafka.topics(), "topics");
		}
		RecordFilter filter = options.filter();
		if (filter.type() != null && filter.knownTypes().isEmpty()) {
			this.err.println("Note: --type " + filter.type()
					+ " matches none of the pipeline's event types (such as shop.order.placed.v1).");
		}
		TopicReader current = new TopicReader(kafka);
		this.reader = current;
		if (this.stopped) {
			current.stop();
		}
		Printer printer = new Printer(options);
		current.read(List.of(options.topic()), options.follow(), printer);
		printer.finish();
		return BrokerCommand.OK;
	}

	/** One record: where and when, its envelope, then its value. */
	static String describe(TopicRecord record) {
		RecordBlock block = new RecordBlock(
				RecordText.time(record.timestamp()) + "  " + record.topic() + " " + record.position(), LABEL_WIDTH)
			.field("key", RecordText.oneLine(record.key(), 200))
			.field(Envelope.TYPE, header(record, Envelope.TYPE))
			.field(Envelope.ID, header(record, Envelope.ID))
			.field(Envelope.SOURCE, header(record, Envelope.SOURCE))
			.field(Envelope.TRACEPARENT, header(record, Envelope.TRACEPARENT));
		if (record.topic().endsWith(DeadLetter.SUFFIX)) {
			DeadLetter letter = new DeadLetter(record);
			block.field("error", DeadLetterListing.error(letter) + " (group "
					+ ((letter.consumerGroup() != null) ? letter.consumerGroup() : DeadLetterListing.MISSING) + ")");
		}
		return block.field("value", RecordText.value(record.value(), MAX_VALUE_LINES, MAX_VALUE_CHARS)).toString();
	}

	private static String header(TopicRecord record, String name) {
		byte[] value = record.header(name);
		return (value != null) ? RecordText.oneLine(value, 200) : DeadLetterListing.MISSING;
	}

	/**
	 * Keeps the records that existed at the start until the reader has caught up, shows
	 * them in time order, then shows new ones as they come. Used by the reading thread
	 * only.
	 */
	private final class Printer implements TopicReader.Sink {

		private final TailOptions options;

		private final Backlog backlog;

		private boolean live;

		private long matched;

		private long shown;

		Printer(TailOptions options) {
			this.options = options;
			this.backlog = options.fromBeginning() ? Backlog.oldest(options.backlogLimit())
					: Backlog.newest(options.backlogLimit());
		}

		@Override
		public void accept(TopicRecord record) {
			if (!this.options.filter().test(record)) {
				return;
			}
			if (this.live) {
				show(record);
			}
			else {
				this.matched++;
				this.backlog.add(record);
			}
		}

		@Override
		public void caughtUp() {
			this.backlog.drain().forEach(this::show);
			this.live = true;
			TopicTail.this.err.println("-- " + backlogSummary() + "; following, Ctrl-C stops --");
		}

		void finish() {
			if (this.live) {
				TopicTail.this.err.println("-- stopped; " + RecordText.count(this.shown) + " shown in all --");
				return;
			}
			this.backlog.drain().forEach(this::show);
			TopicTail.this.err.println("-- " + backlogSummary() + " --");
		}

		private void show(TopicRecord record) {
			TopicTail.this.out.print(describe(record));
			this.shown++;
		}

		private String backlogSummary() {
			RecordFilter filter = this.options.filter();
			String summary = this.shown + " of " + RecordText.count(this.matched)
					+ (filter.isEmpty() ? "" : " matching " + filter.describe()) + " on " + this.options.topic()
					+ " shown";
			if (this.shown < this.matched) {
				summary += this.options.fromBeginning() ? " (the first; --limit N for more)"
						: " (the newest; --limit N or --from-beginning for more)";
			}
			return summary;
		}

	}

}
