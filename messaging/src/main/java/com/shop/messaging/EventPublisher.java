package com.shop.messaging;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.util.List;

import com.shop.events.Envelope;
import com.shop.events.EventJson;
import com.shop.events.EventType;
import com.shop.events.ShopEvent;
import io.micrometer.tracing.Tracer;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Publishes events through the transactional outbox: the event is written in the caller's
 * database transaction, so it exists exactly when the state change it reports exists, and
 * the relay sends it to Kafka once that transaction commits. The event's
 * {@code traceparent} is taken now, from the span current on the calling thread, and
 * stored with it: the relay sends it long after, on a thread of its own.
 */
public class EventPublisher {

	private final JdbcTemplate jdbc;

	private final String source;

	private final OutboxRelay relay;

	private final List<EventJournal> journals;

	private final Tracer tracer;

	EventPublisher(JdbcTemplate jdbc, String source, OutboxRelay relay, List<EventJournal> journals, Tracer tracer) {
		this.jdbc = jdbc;
		this.source = source;
		this.relay = relay;
		this.journals = journals;
		this.tracer = tracer;
	}

	/**
	 * Adds the event to the outbox of the current transaction.
	 * @throws IllegalStateException when called outside a transaction
	 */
	public void publish(ShopEvent event) {
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalStateException("events are published inside the transaction of the state change");
		}
		EventType type = EventType.of(event);
		Envelope envelope = Envelope.create(this.source, type, event.subject(), TraceParent.current(this.tracer));
		this.jdbc.update(
				"insert into outbox_event (event_id, topic, event_key, event_type, source, subject, occurred_at,"
						+ " traceparent, payload) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
				envelope.id(), type.topic(), event.subject(), envelope.type(), envelope.source(), envelope.subject(),
				Timestamp.from(envelope.time()), envelope.traceparent(),
				new String(EventJson.write(event), StandardCharsets.UTF_8));
		this.journals.forEach((journal) -> journal.emitted(envelope, event));
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				EventPublisher.this.relay.wakeUp();
			}
		});
	}

}
