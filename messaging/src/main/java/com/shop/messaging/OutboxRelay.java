package com.shop.messaging;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.shop.events.Envelope;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.core.KafkaTemplate;

/**
 * Sends committed outbox entries to Kafka in id order and deletes them once the broker
 * has acknowledged them. It is woken after each commit that wrote entries (wake-ups that
 * arrive while it works coalesce into one more pass), and looks every poll interval as a
 * fallback (after a crash, or while Kafka was down).
 * <p>
 * One instance of a service relays at a time, which keeps per-key order: the relay that
 * holds a PostgreSQL session-level advisory lock on its own connection (opened beside the
 * pool, so the relay never takes a connection from the requests and consumers). It takes
 * the lock once and keeps it while the connection lives; another instance's relay takes
 * over within a poll interval of that connection's end. No database transaction is open
 * while it waits for the broker: a pass reads the oldest entries (autocommit), sends them
 * all, flushes and waits for the acknowledgments; the next pass deletes the acknowledged
 * ones and reads the next entries in one statement, at once, so under load a pass costs
 * one statement and when nothing is left the last ones are deleted all the same. Each
 * pass reads from the oldest entry left, not past the last id sent: ids are taken when a
 * transaction writes, not when it commits, so an entry with a lower id can become visible
 * after a higher one was sent, and reading past the last id sent would skip it for good.
 * <p>
 * Each record carries the {@code traceparent} stored with its entry, never the relay
 * thread's own context.
 */
final class OutboxRelay extends BackgroundLoop {

	private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

	private static final long LOCK_ID = 0x0b0c5e1a7L;

	private static final String COLUMNS = "id, topic, event_key, event_id, event_type, source, subject,"
			+ " occurred_at, traceparent, payload";

	private static final String READ = "select " + COLUMNS + " from outbox_event order by id limit ?";

	/**
	 * Deletes what the last pass sent and reads the next entries, in one statement (the
	 * select sees the rows as they were before the delete, hence the filter).
	 */
	private static final String DELETE_AND_READ = "with sent as (delete from outbox_event where id = any(?))"
			+ " select " + COLUMNS + " from outbox_event where id <> all(?) order by id limit ?";

	private final Connections connections;

	private final KafkaTemplate<String, byte[]> kafka;

	private final MessagingProperties.Relay settings;

	private final MeterRegistry meters;

	private final Map<String, Counter> published = new ConcurrentHashMap<>();

	private final Semaphore wakeUps = new Semaphore(0);

	/** The leader's own connection, holding the lock; null while not leading. */
	private Connection leader;

	/** Entries the broker acknowledged, to delete with the next read. */
	private List<Long> acknowledged = List.of();

	/** Opens the relay's own connection, outside the pool. */
	@FunctionalInterface
	interface Connections {

		Connection open() throws SQLException;

	}

	OutboxRelay(Connections connections, KafkaTemplate<String, byte[]> kafka, MessagingProperties.Relay settings,
			MeterRegistry meters) {
		super("outbox-relay", settings.sendTimeout());
		this.connections = connections;
		this.kafka = kafka;
		this.settings = settings;
		this.meters = meters;
	}

	@Override
	protected void wakeUp() {
		if (this.wakeUps.availablePermits() == 0) {
			this.wakeUps.release();
		}
	}

	/**
	 * Stops after the listener containers and the web server, which may still publish.
	 */
	@Override
	public int getPhase() {
		return 0;
	}

	/**
	 * Stops after a last drain, so a graceful shutdown leaves nothing committed unsent.
	 */
	@Override
	protected void run() {
		try {
			while (running()) {
				Pass pass = pass();
				if (pass == Pass.FULL) {
					continue;
				}
				if (pass == Pass.DONE) {
					awaitWakeUp();
				}
				else {
					// not leading, or failed: wake-ups from commits would only repeat
					// that
					pause();
				}
			}
			while (this.leader != null && pass() == Pass.FULL) {
				// the last entries before stopping
			}
		}
		finally {
			resign();
		}
	}

	private enum Pass {

		/** Entries were sent: delete them and look for more at once. */
		FULL,
		/** Everything there was is sent (and deleted). */
		DONE,
		/** Another instance relays, or this pass failed. */
		IDLE

	}

	private Pass pass() {
		try {
			if (!lead()) {
				return Pass.IDLE;
			}
			return (relayBatch() > 0) ? Pass.FULL : Pass.DONE;
		}
		catch (SQLException ex) {
			log.warn("Outbox relay cannot reach its database, entries stay and are retried: {}", ex.toString());
			resign();
			return Pass.IDLE;
		}
		catch (RuntimeException ex) {
			log.warn("Outbox relay failed, entries stay and are retried: {}", ex.toString());
			return Pass.IDLE;
		}
	}

	private void awaitWakeUp() {
		try {
			this.wakeUps.tryAcquire(this.settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void pause() {
		try {
			Thread.sleep(this.settings.pollInterval().toMillis());
			this.wakeUps.drainPermits();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** Whether this instance leads, taking the lead if nobody holds it. */
	private boolean lead() throws SQLException {
		if (this.leader != null) {
			return true;
		}
		Connection connection = this.connections.open();
		try {
			connection.setAutoCommit(true);
			try (PreparedStatement lock = connection.prepareStatement("select pg_try_advisory_lock(?)")) {
				lock.setLong(1, LOCK_ID);
				try (ResultSet rs = lock.executeQuery()) {
					if (rs.next() && rs.getBoolean(1)) {
						this.leader = connection;
						log.info("This instance relays the outbox");
						return true;
					}
				}
			}
		}
		catch (SQLException | RuntimeException ex) {
			connection.close();
			throw ex;
		}
		connection.close();
		return false;
	}

	/** Gives the lead up: closing the connection releases the lock. */
	private void resign() {
		this.acknowledged = List.of();
		if (this.leader == null) {
			return;
		}
		try {
			try (PreparedStatement unlock = this.leader.prepareStatement("select pg_advisory_unlock(?)")) {
				unlock.setLong(1, LOCK_ID);
				unlock.execute();
			}
		}
		catch (SQLException ex) {
			log.debug("Releasing the relay lock failed (the connection's end releases it): {}", ex.toString());
		}
		try {
			this.leader.close();
		}
		catch (SQLException ex) {
			log.debug("Closing the relay's connection failed: {}", ex.toString());
		}
		this.leader = null;
	}

	/**
	 * Deletes what the last pass sent and publishes the oldest entries left; returns how
	 * many it read.
	 */
	int relayBatch() throws SQLException {
		List<Entry> entries = read(this.acknowledged);
		this.acknowledged = List.of();
		if (entries.isEmpty()) {
			return 0;
		}
		List<CompletableFuture<?>> acks = new ArrayList<>(entries.size());
		for (Entry entry : entries) {
			acks.add(this.kafka.send(entry.record()));
		}
		// the batch is complete: send it now instead of lingering for records that will
		// not come
		this.kafka.flush();
		List<Long> acknowledged = new ArrayList<>(entries.size());
		RuntimeException failure = null;
		long deadline = System.nanoTime() + this.settings.sendTimeout().toNanos();
		for (int i = 0; i < entries.size(); i++) {
			try {
				acks.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
				acknowledged.add(entries.get(i).id());
				published(entries.get(i).topic());
			}
			catch (ExecutionException | TimeoutException ex) {
				failure = (failure != null) ? failure
						: new IllegalStateException("Kafka did not acknowledge entry " + entries.get(i).id(), ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				failure = new IllegalStateException("interrupted while waiting for Kafka", ex);
				break;
			}
		}
		if (failure != null) {
			delete(acknowledged);
			throw failure;
		}
		this.acknowledged = acknowledged;
		return entries.size();
	}

	private List<Entry> read(List<Long> sent) throws SQLException {
		List<Entry> entries = new ArrayList<>();
		try (PreparedStatement read = this.leader.prepareStatement(sent.isEmpty() ? READ : DELETE_AND_READ)) {
			if (sent.isEmpty()) {
				read.setInt(1, this.settings.batchSize());
			}
			else {
				java.sql.Array ids = this.leader.createArrayOf("bigint", sent.toArray());
				read.setArray(1, ids);
				read.setArray(2, ids);
				read.setInt(3, this.settings.batchSize());
			}
			try (ResultSet rs = read.executeQuery()) {
				while (rs.next()) {
					entries.add(entry(rs));
				}
			}
		}
		return entries;
	}

	private void delete(List<Long> ids) throws SQLException {
		if (ids.isEmpty()) {
			return;
		}
		try (PreparedStatement delete = this.leader.prepareStatement("delete from outbox_event where id = any(?)")) {
			delete.setArray(1, this.leader.createArrayOf("bigint", ids.toArray()));
			delete.executeUpdate();
		}
	}

	private void published(String topic) {
		this.published
			.computeIfAbsent(topic,
					(name) -> Counter.builder("shop.outbox.published")
						.description("Outbox entries sent to Kafka and acknowledged by the broker")
						.tag("topic", name)
						.register(this.meters))
			.increment();
	}

	private static Entry entry(ResultSet rs) throws SQLException {
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
