package com.shop.messaging;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import com.shop.events.Envelope;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends committed outbox entries to Kafka in commit order and deletes them once the
 * broker has acknowledged them. It runs right after each commit that wrote an entry, and
 * every poll interval as a fallback (after a crash, or while Kafka was down). A
 * PostgreSQL advisory lock lets only one instance of a service relay at a time, which
 * keeps per-key order. Each record carries the {@code traceparent} stored with its entry,
 * never the relay thread's own context.
 */
final class OutboxRelay implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

	private static final long LOCK_ID = 0x0b0c5e1a7L;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transaction;

	private final KafkaTemplate<String, byte[]> kafka;

	private final MessagingProperties.Relay settings;

	private final MeterRegistry meters;

	private final Semaphore wakeUps = new Semaphore(0);

	private volatile boolean running;

	private Thread thread;

	OutboxRelay(JdbcTemplate jdbc, TransactionTemplate transaction, KafkaTemplate<String, byte[]> kafka,
			MessagingProperties.Relay settings, MeterRegistry meters) {
		this.jdbc = jdbc;
		this.transaction = transaction;
		this.kafka = kafka;
		this.settings = settings;
		this.meters = meters;
	}

	void wakeUp() {
		this.wakeUps.release();
	}

	@Override
	public void start() {
		this.running = true;
		this.thread = new Thread(this::run, "outbox-relay");
		this.thread.setDaemon(true);
		this.thread.start();
	}

	/**
	 * Stops after a last drain, so a graceful shutdown leaves nothing committed unsent.
	 */
	@Override
	public void stop() {
		this.running = false;
		wakeUp();
		try {
			this.thread.join(this.settings.sendTimeout().toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/**
	 * Stops after the listener containers and the web server, which may still publish.
	 */
	@Override
	public int getPhase() {
		return 0;
	}

	private void run() {
		while (this.running) {
			drain();
			try {
				this.wakeUps.tryAcquire(this.settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
				this.wakeUps.drainPermits();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
		drain();
	}

	private void drain() {
		try {
			while (relayBatch() == this.settings.batchSize()) {
				// a full batch: there may be more
			}
		}
		catch (RuntimeException ex) {
			log.warn("Outbox relay failed, entries stay and are retried: {}", ex.toString());
		}
	}

	/** Publishes one batch in commit order; returns how many entries it sent. */
	int relayBatch() {
		List<Entry> sent = this.transaction.execute((status) -> {
			if (!Boolean.TRUE
				.equals(this.jdbc.queryForObject("select pg_try_advisory_xact_lock(?)", Boolean.class, LOCK_ID))) {
				return List.<Entry>of();
			}
			List<Entry> entries = this.jdbc.query(
					"select id, topic, event_key, event_id, event_type, source, subject, occurred_at, traceparent,"
							+ " payload from outbox_event order by id limit ?",
					OutboxRelay::entry, this.settings.batchSize());
			if (entries.isEmpty()) {
				return entries;
			}
			List<CompletableFuture<?>> acks = new ArrayList<>(entries.size());
			for (Entry entry : entries) {
				acks.add(this.kafka.send(entry.record()));
			}
			// the batch is complete: send it now instead of lingering (5 ms by default in
			// Kafka 4) for records that will not come
			this.kafka.flush();
			try {
				CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new))
					.get(this.settings.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (Exception ex) {
				throw new IllegalStateException("Kafka did not acknowledge the batch", ex);
			}
			Long[] ids = entries.stream().map(Entry::id).toArray(Long[]::new);
			this.jdbc.update("delete from outbox_event where id = any(?)",
					(ps) -> ps.setArray(1, ps.getConnection().createArrayOf("bigint", ids)));
			return entries;
		});
		if (sent == null) {
			return 0;
		}
		sent.forEach((entry) -> published(entry.topic()));
		return sent.size();
	}

	private void published(String topic) {
		Counter.builder("shop.outbox.published")
			.description("Outbox entries sent to Kafka and acknowledged by the broker")
			.tag("topic", topic)
			.register(this.meters)
			.increment();
	}

	private static Entry entry(ResultSet rs, int row) throws SQLException {
		Envelope envelope = new Envelope(rs.getObject("event_id", UUID.class), rs.getString("source"),
				rs.getString("event_type"), rs.getTimestamp("occurred_at").toInstant(), rs.getString("subject"),
				rs.getString("traceparent"));
		return new Entry(rs.getLong("id"), rs.getString("topic"), rs.getString("event_key"), envelope,
				rs.getString("payload"));
	}

	private record Entry(long id, String topic, String key, Envelope envelope, String payload) {

		ProducerRecord<String, byte[]> record() {
			ProducerRecord<String, byte[]> record = new ProducerRecord<>(this.topic, this.key,
					this.payload.getBytes(StandardCharsets.UTF_8));
			KafkaEnvelope.write(this.envelope, record.headers());
			return record;
		}

	}

}
