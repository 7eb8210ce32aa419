package com.shop.messaging;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The idempotent consumer: reads the envelope, dispatches on {@code ce_type} and runs the
 * handler atomically together with the record of the consumed {@code ce_id} and any
 * events the handler publishes. A redelivered event finds its id recorded and changes
 * nothing. Records without a valid envelope or payload raise
 * {@link MalformedEventException}, which the error handler dead-letters without retrying.
 * <p>
 * The handling runs in a span whose parent is the record's {@code traceparent}, so its
 * logs carry the trace id of the order and the events it publishes continue that trace;
 * the order id is in the logging context (MDC) as {@code orderId}.
 */
public class InboundEvents {

	private static final Logger log = LoggerFactory.getLogger(InboundEvents.class);

	/** The MDC key of the order a log line is about. */
	public static final String ORDER_ID = "orderId";

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

	InboundEvents(JdbcTemplate jdbc, TransactionTemplate transaction, List<EventJournal> journals, Tracer tracer,
			Propagator propagator, MeterRegistry meters) {
		this.jdbc = jdbc;
		this.transaction = transaction;
		this.journals = journals;
		this.tracer = tracer;
		this.propagator = propagator;
		this.meters = meters;
	}

	/**
	 * Handles the records of one poll, in order, in one database transaction, which saves
	 * a commit per record under load. If any of them fails, that transaction rolls back
	 * and the records are handled again one transaction each, up to the one that fails:
	 * the records before it are committed, and the failed one is reported to the error
	 * handler, which retries it (and those after it) or dead-letters it. Handlers must
	 * tolerate the replay of an external effect whose transaction rolled back: the
	 * payment gateway's charge is idempotent by order, and a sent notification is
	 * recorded in a transaction of its own.
	 * @throws BatchListenerFailedException naming the record to retry from
	 */
	public void dispatch(List<ConsumerRecord<String, byte[]>> records, EventHandlers handlers) {
		String consumer = Optional.ofNullable(KafkaUtils.getConsumerGroupId()).orElse("default");
		List<Outcome> outcomes;
		try {
			outcomes = this.transaction
				.execute((batch) -> records.stream().map((record) -> dispatch(consumer, record, handlers)).toList());
		}
		catch (RuntimeException ex) {
			if (records.size() == 1) {
				throw failed(records.get(0), ex);
			}
			log.debug("A batch of {} records failed ({}); handling them one by one", records.size(), ex.toString());
			outcomes = oneByOne(consumer, records, handlers);
		}
		outcomes.forEach((outcome) -> consumed(outcome.type(), outcome.outcome()));
	}

	private List<Outcome> oneByOne(String consumer, List<ConsumerRecord<String, byte[]>> records,
			EventHandlers handlers) {
		List<Outcome> outcomes = new ArrayList<>(records.size());
		for (ConsumerRecord<String, byte[]> record : records) {
			try {
				outcomes.add(this.transaction.execute((status) -> dispatch(consumer, record, handlers)));
			}
			catch (RuntimeException ex) {
				outcomes.forEach((outcome) -> consumed(outcome.type(), outcome.outcome()));
				throw failed(record, ex);
			}
		}
		return outcomes;
	}

	private BatchListenerFailedException failed(ConsumerRecord<String, byte[]> record, RuntimeException ex) {
		Throwable cause = (ex instanceof FailedRecord failed) ? failed.getCause() : ex;
		consumed((ex instanceof FailedRecord failed) ? failed.type : "unknown", "failed");
		log.warn("Handling {} partition {} offset {} failed: {}", record.topic(), record.partition(), record.offset(),
				cause.toString());
		return new BatchListenerFailedException(cause.toString(), cause, record);
	}

	/**
	 * Handles one record with the matching handler, in the caller's transaction; types
	 * without one are skipped.
	 */
	private Outcome dispatch(String consumer, ConsumerRecord<String, byte[]> record, EventHandlers handlers) {
		Span span = consumerSpan(record);
		String typeTag = "unknown";
		try (Tracer.SpanInScope scope = this.tracer.withSpan(span)) {
			Envelope envelope = KafkaEnvelope.read(record.headers());
			Optional<EventType> known = EventType.byName(envelope.type());
			typeTag = known.map(EventType::typeName).orElse(typeTag);
			span.tag("messaging.message.id", envelope.id().toString());
			span.tag("cloudevents.event_type", typeTag);
			// every topic but the catalog is keyed by order
			String orderId = Topics.CATALOG_PRODUCTS.equals(record.topic()) ? null : envelope.subject();
			if (orderId != null) {
				span.tag("order.id", orderId);
				MDC.put(ORDER_ID, orderId);
			}
			try {
				return new Outcome(typeTag,
						handle(consumer, record, envelope, known.filter(handlers::handles), handlers));
			}
			finally {
				MDC.remove(ORDER_ID);
			}
		}
		catch (RuntimeException ex) {
			span.error(ex);
			throw new FailedRecord(typeTag, ex);
		}
		finally {
			span.end();
		}
	}

	/** A span whose parent is the one that published the record. */
	private Span consumerSpan(ConsumerRecord<String, byte[]> record) {
		return this.propagator.extract(record.headers(), HEADERS)
			.name("process " + record.topic())
			.kind(Span.Kind.CONSUMER)
			.tag("messaging.system", "kafka")
			.tag("messaging.destination.name", record.topic())
			.start();
	}

	/** Returns the outcome: handled, duplicate or skipped. */
	private String handle(String consumer, ConsumerRecord<String, byte[]> record, Envelope envelope,
			Optional<EventType> type, EventHandlers handlers) {
		if (type.isEmpty()) {
			log.debug("Skipping {} {}: not handled here", envelope.type(), envelope.id());
			return "skipped";
		}
		ShopEvent event = EventJson.read(record.value(), type.get().payloadType());
		if (!event.subject().equals(envelope.subject())) {
			throw new MalformedEventException(
					"ce_subject " + envelope.subject() + " does not match the payload's " + event.subject());
		}
		if (!firstDelivery(consumer, envelope, type.get())) {
			log.debug("Skipping {} {}: already consumed by {}", envelope.type(), envelope.id(), consumer);
			return "duplicate";
		}
		CURRENT.set(envelope);
		try {
			this.journals.forEach((journal) -> journal.consumed(envelope, event));
			handlers.handle(type.get(), event);
		}
		finally {
			CURRENT.remove();
		}
		return "handled";
	}

	private void consumed(String type, String outcome) {
		Counter.builder("shop.events.consumed")
			.description("Events this service read, by type and outcome (handled, duplicate, skipped, failed)")
			.tag("type", type)
			.tag("outcome", outcome)
			.register(this.meters)
			.increment();
	}

	private boolean firstDelivery(String consumer, Envelope envelope, EventType type) {
		return this.jdbc.update("insert into consumed_event (consumer, event_id, event_type) values (?, ?, ?)"
				+ " on conflict do nothing", consumer, envelope.id(), type.typeName()) == 1;
	}

	/** The trace context of the event being handled on this thread, if any. */
	static String currentTraceparent() {
		Envelope envelope = CURRENT.get();
		return (envelope != null) ? envelope.traceparent() : null;
	}

	private record Outcome(String type, String outcome) {
	}

	/** A record's failure, with the event type it had, for the metrics. */
	private static final class FailedRecord extends RuntimeException {

		private final String type;

		FailedRecord(String type, RuntimeException cause) {
			super(cause);
			this.type = type;
		}

	}

}
