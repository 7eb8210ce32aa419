package com.shop.notification;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import com.shop.events.Channel;
import com.shop.events.EventJson;
import com.shop.events.Ids;
import com.shop.messaging.SqlArrays;
import com.shop.messaging.TransactionBuffer;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The durable queue of notifications in {@code notification}: a notice is queued
 * (PENDING) in the transaction of the event that caused it, and stays there (FAILED while
 * its channel refuses it) until its channel took it (SENT). One row per order, template
 * and channel, so queuing a notice twice queues it once. The rows a transaction queues
 * are written with one statement before it commits, and the worker is woken once it has.
 * Plain SQL: claiming needs {@code for update skip locked}, which JPQL cannot say.
 */
@Repository
class NotificationQueue {

	private static final String INSERT = """
			insert into notification (id, order_id, channel, recipient, template, status, notice, traceparent,
			    attempts, next_attempt_at, created_at)
			select id, order_id, channel, recipient, template, 'PENDING', notice, traceparent, 0, now(), now()
			from unnest(?::uuid[], ?::uuid[], ?::varchar[], ?::varchar[], ?::varchar[], ?::text[], ?::varchar[])
			    as n(id, order_id, channel, recipient, template, notice, traceparent)
			on conflict (order_id, template, channel) do nothing
			""";

	private static final String CLAIM = """
			select id, channel, recipient, notice, traceparent, attempts from notification
			where status in ('PENDING', 'FAILED') and next_attempt_at <= now()
			order by next_attempt_at limit ?
			for update skip locked
			""";

	private final JdbcTemplate jdbc;

	private final TransactionBuffer<Queued> queued;

	private final Semaphore signal = new Semaphore(0);

	NotificationQueue(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
		this.queued = new TransactionBuffer<>(this::insert, this::wakeUp);
	}

	private record Queued(OrderNotice notice, Channel channel, String recipient, String traceparent) {
	}

	/** A notification claimed for sending, with the trace of the event that queued it. */
	record Claimed(UUID id, Channel channel, String recipient, OrderNotice notice, String traceparent, int attempts) {
	}

	/** Queues the notice for the channel, in the current transaction and trace. */
	void add(OrderNotice notice, Channel channel, String recipient, String traceparent) {
		this.queued.add(new Queued(notice, channel, recipient, traceparent));
	}

	private void insert(List<Queued> rows) {
		this.jdbc.update(INSERT, (statement) -> {
			SqlArrays.bind(statement, 1, "uuid", rows, (row) -> Ids.next());
			SqlArrays.bind(statement, 2, "uuid", rows, (row) -> row.notice().orderId());
			SqlArrays.bind(statement, 3, "varchar", rows, (row) -> row.channel().name());
			SqlArrays.bind(statement, 4, "varchar", rows, Queued::recipient);
			SqlArrays.bind(statement, 5, "varchar", rows, (row) -> row.notice().template().id());
			SqlArrays.bind(statement, 6, "text", rows, (row) -> EventJson.mapper().writeValueAsString(row.notice()));
			SqlArrays.bind(statement, 7, "varchar", rows, Queued::traceparent);
		});
	}

	/**
	 * Locks up to {@code max} due notifications for the current transaction; those
	 * another instance holds are skipped.
	 */
	List<Claimed> claim(int max) {
		return this.jdbc.query(CLAIM,
				(rs, row) -> new Claimed(rs.getObject("id", UUID.class), Channel.valueOf(rs.getString("channel")),
						rs.getString("recipient"),
						EventJson.mapper().readValue(rs.getString("notice"), OrderNotice.class),
						rs.getString("traceparent"), rs.getInt("attempts")),
				max);
	}

	void sent(List<Claimed> sent) {
		this.jdbc.update(
				"update notification set status = 'SENT', error = null, attempts = attempts + 1,"
						+ " next_attempt_at = null where id = any(?)",
				(statement) -> SqlArrays.bind(statement, 1, "uuid", sent, Claimed::id));
	}

	/**
	 * The channel refused it: it stays queued as FAILED, due again after {@code retryIn}.
	 */
	void failed(Claimed notification, String error, Duration retryIn) {
		this.jdbc.update(
				"update notification set status = 'FAILED', error = ?, attempts = attempts + 1,"
						+ " next_attempt_at = ? where id = ?",
				(error.length() > 1000) ? error.substring(0, 1000) : error, Timestamp.from(Instant.now().plus(retryIn)),
				notification.id());
	}

	void wakeUp() {
		if (this.signal.availablePermits() == 0) {
			this.signal.release();
		}
	}

	/** Waits for a commit that queued notices, or the timeout. */
	void await(Duration timeout) throws InterruptedException {
		this.signal.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS);
	}

}
