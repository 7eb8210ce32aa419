package com.shop.messaging;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.shop.events.Envelope;
import com.shop.events.EventJson;
import com.shop.events.EventType;
import com.shop.events.MalformedEventException;
import com.shop.events.ShopEvent;
import com.shop.events.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.KafkaUtils;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The idempotent consumer, for the records of one poll at a time. It reads each record's
 * envelope, dispatches on {@code ce_type} (types without a handler are skipped) and runs
 * the handlers of the whole batch in one database transaction, together with one
 * statement that records every consumed {@code ce_id} and tells which of them are new,
 * and with the events the handlers publish. A redelivered event finds its id recorded and
 * changes nothing; so does the second copy of an event within a batch. Batches form from
 * load, never from waiting: a poll returns what has arrived, however little.
 * <p>
 * When the batch's transaction fails, it rolls back and the records are handled again one
 * transaction each: the records before the failing one commit, and the failing one is
 * reported to the error handler ({@link BatchListenerFailedException}), which retries it
 * with back-off and then dead-letters exactly that record. A record without a valid
 * envelope or payload ({@link MalformedEventException}) is dead-lettered at once, after
 * the records before it committed.
 * <p>
 * Each record is handled in a span whose parent is its {@code traceparent}, so its logs
 * carry the trace id of the order and the events it publishes continue that trace; the
 * order id is in the logging context (MDC) as {@code orderId}.
 */
public class InboundEvents {

	private static final Logger log = LoggerFactory.getLogger(InboundEvents.class);

	/** The MDC key of the order a log line is about. */
	public static final String ORDER_ID = "orderId";

	private static final String CONSUMED = """
			insert into consumed_event (consumer, event_id, event_type)
			select ?, id, type from unnest(?::uuid[], ?::varchar[]) as e(id, type)
			on conflict do nothing returning event_id
			""";

	private static final ThreadLocal<Envelope> CURRENT = new ThreadLocal<>();

	private static final Propagator.Getter<Headers> HEADERS = (headers, name) -> {
		Header header = headers.lastHeader(name);
		return (header != null && header.value() != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	};

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transaction;

	private final List<EventJournal> journals;

	private final Tracer tracer;

	private final Propagator propagator;

	private final MeterRegistry meters;

	private final Map<String, Counter> counters = new ConcurrentHashMap<>();

	InboundEvents(JdbcTemplate jdbc, TransactionTemplate transaction, List<EventJournal> journals, Tracer tracer,
			Propagator propagator, MeterRegistry meters) {
		this.jdbc = jdbc;
		this.transaction = transaction;
		this.journals = journals;
		this.tracer = tracer;
		this.propagator = propagator;
		this.meters = meters;
	}

	/** One record to handle: its envelope, its payload and its type. */
	private record Inbound(ConsumerRecord<String, byte[]> record, Envelope envelope, EventType type, ShopEvent event) {
	}

	/**
	 * Handles the records of one poll, in order.
	 * @throws BatchListenerFailedException naming the record that failed; those before it
	 * are committed
	 */
	public void dispatch(List<ConsumerRecord<String, byte[]>> records, EventHandlers handlers) {
		String consumer = Optional.ofNullable(KafkaUtils.getConsumerGroupId()).orElse("default");
		List<Inbound> batch = new ArrayList<>(records.size());
		for (ConsumerRecord<String, byte[]> record : records) {
			Inbound inbound;
			try {
				inbound = decode(record, handlers);
			}
			catch (MalformedEventException ex) {
				handle(consumer, batch, handlers);
				count("unknown", "failed", 1);
				log.warn("Dead-lettering {} partition {} offset {}: {}", record.topic(), record.partition(),
						record.offset(), ex.getMessage());
				throw new BatchListenerFailedException(ex.getMessage(), ex, record);
			}
			if (inbound != null) {
				batch.add(inbound);
			}
		}
		handle(consumer, batch, handlers);
	}

	/**
	 * The record's event, or null when this listener does not handle its type.
	 * @throws MalformedEventException without a valid envelope, or with a payload that
	 * does not fit its type
	 */
	private Inbound decode(ConsumerRecord<String, byte[]> record, EventHandlers handlers) {
		Envelope envelope = KafkaEnvelope.read(record.headers());
		Optional<EventType> type = EventType.byName(envelope.type());
		if (type.isEmpty() || !handlers.handles(type.get())) {
			count(type.map(EventType::typeName).orElse("unknown"), "skipped", 1);
			return null;
		}
		ShopEvent event = EventJson.read(record.value(), type.get().payloadType());
		if (!event.subject().equals(envelope.subject())) {
			throw new MalformedEventException(
					"ce_subject " + envelope.subject() + " does not match the payload's " + event.subject());
		}
		return new Inbound(record, envelope, type.get(), event);
	}

	private void handle(String consumer, List<Inbound> batch, EventHandlers handlers) {
		if (batch.isEmpty()) {
			return;
		}
		try {
			this.transaction.executeWithoutResult((status) -> handleInTransaction(consumer, batch, handlers));
		}
		catch (RuntimeException ex) {
			if (batch.size() == 1) {
				throw failed(batch.get(0), ex);
			}
			log.debug("A batch of {} records failed ({}); handling them one by one", batch.size(), ex.toString());
			for (Inbound inbound : batch) {
				try {
					this.transaction
						.executeWithoutResult((status) -> handleInTransaction(consumer, List.of(inbound), handlers));
				}
				catch (RuntimeException failure) {
					throw failed(inbound, failure);
				}
			}
		}
		finally {
			batch.clear();
		}
	}

	private BatchListenerFailedException failed(Inbound inbound, RuntimeException ex) {
		count(inbound.type().typeName(), "failed", 1);
		ConsumerRecord<String, byte[]> record = inbound.record();
		log.warn("Handling {} partition {} offset {} failed: {}", record.topic(), record.partition(), record.offset(),
				ex.toString());
		return new BatchListenerFailedException(ex.toString(), ex, record);
	}

	private void handleInTransaction(String consumer, List<Inbound> batch, EventHandlers handlers) {
		List<Inbound> fresh = firstDeliveries(consumer, batch);
		afterCommit(batch, fresh);
		if (fresh.isEmpty()) {
			return;
		}
		handlers.prepare(fresh.stream().map(Inbound::event).toList());
		for (Inbound inbound : fresh) {
			handle(inbound, handlers);
		}
	}

	/** Records every id as consumed; returns the records whose id is new, in order. */
	private List<Inbound> firstDeliveries(String consumer, List<Inbound> batch) {
		Set<UUID> inserted = new HashSet<>(this.jdbc.query(CONSUMED, (statement) -> {
			statement.setString(1, consumer);
			SqlArrays.bind(statement, 2, "uuid", batch, (inbound) -> inbound.envelope().id());
			SqlArrays.bind(statement, 3, "varchar", batch, (inbound) -> inbound.type().typeName());
		}, (rs, row) -> rs.getObject(1, UUID.class)));
		List<Inbound> fresh = new ArrayList<>(inserted.size());
		for (Inbound inbound : batch) {
			// the first copy of an id in this batch is the one handled
			if (inserted.remove(inbound.envelope().id())) {
				fresh.add(inbound);
			}
			else {
				log.debug("Skipping {} {}: already consumed by {}", inbound.envelope().type(), inbound.envelope().id(),
						consumer);
			}
		}
		return fresh;
	}

	private void handle(Inbound inbound, EventHandlers handlers) {
		Span span = consumerSpan(inbound);
		try (Tracer.SpanInScope scope = this.tracer.withSpan(span)) {
			// every topic but the catalog is keyed by order
			if (!Topics.CATALOG_PRODUCTS.equals(inbound.record().topic())) {
				span.tag("order.id", inbound.envelope().subject());
				MDC.put(ORDER_ID, inbound.envelope().subject());
			}
			CURRENT.set(inbound.envelope());
			this.journals.forEach((journal) -> journal.consumed(inbound.envelope(), inbound.event()));
			handlers.handle(inbound.type(), inbound.event());
		}
		catch (RuntimeException ex) {
			span.error(ex);
			throw ex;
		}
		finally {
			CURRENT.remove();
			MDC.remove(ORDER_ID);
			span.end();
		}
	}

	/** A span whose parent is the one that published the record. */
	private Span consumerSpan(Inbound inbound) {
		return this.propagator.extract(inbound.record().headers(), HEADERS)
			.name("process " + inbound.record().topic())
			.kind(Span.Kind.CONSUMER)
			.tag("messaging.system", "kafka")
			.tag("messaging.destination.name", inbound.record().topic())
			.tag("messaging.message.id", inbound.envelope().id().toString())
			.tag("cloudevents.event_type", inbound.type().typeName())
			.start();
	}

	/**
	 * Counts what the batch did once it committed: a rolled-back batch counts nothing.
	 */
	private void afterCommit(List<Inbound> batch, List<Inbound> fresh) {
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				fresh.forEach((inbound) -> count(inbound.type().typeName(), "handled", 1));
				if (fresh.size() < batch.size()) {
					Set<UUID> handled = new HashSet<>();
					fresh.forEach((inbound) -> handled.add(inbound.envelope().id()));
					batch.stream()
						.filter((inbound) -> !handled.remove(inbound.envelope().id()))
						.forEach((inbound) -> count(inbound.type().typeName(), "duplicate", 1));
				}
			}
		});
	}

	private void count(String type, String outcome, int n) {
		this.counters
			.computeIfAbsent(type + "/" + outcome, (key) -> Counter.builder("shop.events.consumed")
				.description("Events this service read, by type and outcome (handled, duplicate, skipped, failed)")
				.tag("type", type)
				.tag("outcome", outcome)
				.register(this.meters))
			.increment(n);
	}

	/** The trace context of the event being handled on this thread, if any. */
	static String currentTraceparent() {
		Envelope envelope = CURRENT.get();
		return (envelope != null) ? envelope.traceparent() : null;
	}

}
