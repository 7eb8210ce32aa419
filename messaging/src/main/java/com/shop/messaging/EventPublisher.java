package com.shop.messaging;

import java.nio.charset.StandardCharsets;
import java.util.List;

import com.shop.events.Envelope;
import com.shop.events.EventJson;
import com.shop.events.EventType;
import com.shop.events.ShopEvent;
import io.micrometer.tracing.Tracer;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Publishes events through the transactional outbox: the event is written in the caller's
 * database transaction, so it exists exactly when the state change it reports exists, and
 * the relay sends it to Kafka once that transaction commits. The events of one
 * transaction are written together, in the order they were published, by one statement
 * just before it commits. The event's {@code traceparent} is taken now, from the span
 * current on the calling thread, and stored with it: the relay sends it long after, on a
 * thread of its own.
 */
public class EventPublisher {

	private static final String INSERT = """
			insert into outbox_event (event_id, topic, event_key, event_type, source, subject, occurred_at,
			    traceparent, payload)
			select id, topic, event_key, type, source, subject, occurred_at, traceparent, payload
			from unnest(?::uuid[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[],
			    ?::timestamptz[], ?::varchar[], ?::text[]) with ordinality
			    as e(id, topic, event_key, type, source, subject, occurred_at, traceparent, payload, n)
			order by n
			""";

	private final String source;

	private final List<EventJournal> journals;

	private final Tracer tracer;

	private final TransactionBuffer<Entry> outbox;

	EventPublisher(JdbcTemplate jdbc, String source, OutboxRelay relay, List<EventJournal> journals, Tracer tracer) {
		this.source = source;
		this.journals = journals;
		this.tracer = tracer;
		this.outbox = new TransactionBuffer<>((entries) -> write(jdbc, entries), relay::wakeUp);
	}

	private record Entry(Envelope envelope, String topic, String payload) {
	}

	/**
	 * Adds the event to the outbox of the current transaction.
	 * @throws IllegalStateException when called outside a transaction
	 */
	public void publish(ShopEvent event) {
		publish(event, TraceParent.current(this.tracer));
	}

	/**
	 * Adds the event to the outbox of the current transaction, as part of the trace that
	 * {@code parent} names: the {@link #traceparent()} stored with work that is done
	 * later, on another thread (a queued e-mail). {@code null} starts a trace.
	 * @throws IllegalStateException when called outside a transaction
	 */
	public void publishAfter(ShopEvent event, String parent) {
		publish(event, TraceParent.childOf(parent));
	}

	/**
	 * The trace context an event published now on this thread would carry, to store with
	 * work that publishes its events later.
	 */
	public String traceparent() {
		return TraceParent.current(this.tracer);
	}

	private void publish(ShopEvent event, String traceparent) {
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalStateException("events are published inside the transaction of the state change");
		}
		EventType type = EventType.of(event);
		Envelope envelope = Envelope.create(this.source, type, event.subject(), traceparent);
		this.outbox.add(new Entry(envelope, type.topic(), new String(EventJson.write(event), StandardCharsets.UTF_8)));
		this.journals.forEach((journal) -> journal.emitted(envelope, event));
	}

	private void write(JdbcTemplate jdbc, List<Entry> entries) {
		jdbc.update(INSERT, (statement) -> {
			SqlArrays.bind(statement, 1, "uuid", entries, (entry) -> entry.envelope().id());
			SqlArrays.bind(statement, 2, "varchar", entries, Entry::topic);
			SqlArrays.bind(statement, 3, "varchar", entries, (entry) -> entry.envelope().subject());
			SqlArrays.bind(statement, 4, "varchar", entries, (entry) -> entry.envelope().type());
			SqlArrays.bind(statement, 5, "varchar", entries, (entry) -> entry.envelope().source());
			SqlArrays.bind(statement, 6, "varchar", entries, (entry) -> entry.envelope().subject());
			SqlArrays.bind(statement, 7, "timestamptz", entries, (entry) -> entry.envelope().time());
			SqlArrays.bind(statement, 8, "varchar", entries, (entry) -> entry.envelope().traceparent());
			SqlArrays.bind(statement, 9, "text", entries, Entry::payload);
		});
	}

}
