package com.shop.messaging;

import java.nio.charset.StandardCharsets;
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
import org.springframework.kafka.support.KafkaUtils;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The idempotent consumer: reads the envelope, dispatches on {@code ce_type} and runs the
 * handler in one database transaction together with the record of the consumed
 * {@code ce_id} and any events the handler publishes. A redelivered event finds its id
 * recorded and changes nothing. Records without a valid envelope or payload raise
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

	/** Handles one record with the matching handler; types without one are skipped. */
	public void dispatch(ConsumerRecord<String, byte[]> record, EventHandlers handlers) {
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
				consumed(typeTag, handle(record, envelope, known.filter(handlers::handles), handlers));
			}
			finally {
				MDC.remove(ORDER_ID);
			}
		}
		catch (RuntimeException ex) {
			consumed(typeTag, "failed");
			span.error(ex);
			throw ex;
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
	private String handle(ConsumerRecord<String, byte[]> record, Envelope envelope, Optional<EventType> type,
			EventHandlers handlers) {
		if (type.isEmpty()) {
			log.debug("Skipping {} {}: not handled here", envelope.type(), envelope.id());
			return "skipped";
		}
		ShopEvent event = EventJson.read(record.value(), type.get().payloadType());
		if (!event.subject().equals(envelope.subject())) {
			throw new MalformedEventException(
					"ce_subject " + envelope.subject() + " does not match the payload's " + event.subject());
		}
		String consumer = Optional.ofNullable(KafkaUtils.getConsumerGroupId()).orElse("default");
		Boolean first = this.transaction.execute((status) -> {
			if (!firstDelivery(consumer, envelope, type.get())) {
				log.debug("Skipping {} {}: already consumed by {}", envelope.type(), envelope.id(), consumer);
				return false;
			}
			CURRENT.set(envelope);
			try {
				this.journals.forEach((journal) -> journal.consumed(envelope, event));
				handlers.handle(type.get(), event);
			}
			finally {
				CURRENT.remove();
			}
			return true;
		});
		return Boolean.TRUE.equals(first) ? "handled" : "duplicate";
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

}
