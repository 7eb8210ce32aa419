package com.shop.messaging;

import java.util.List;
import java.util.Optional;

import com.shop.events.Envelope;
import com.shop.events.EventJson;
import com.shop.events.EventType;
import com.shop.events.MalformedEventException;
import com.shop.events.ShopEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.support.KafkaUtils;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The idempotent consumer: reads the envelope, dispatches on {@code ce_type} and runs the
 * handler in one database transaction together with the record of the consumed
 * {@code ce_id} and any events the handler publishes. A redelivered event finds its id
 * recorded and changes nothing. Records without a valid envelope or payload raise
 * {@link MalformedEventException}, which the error handler dead-letters without retrying.
 */
public class InboundEvents {

	private static final Logger log = LoggerFactory.getLogger(InboundEvents.class);

	private static final ThreadLocal<Envelope> CURRENT = new ThreadLocal<>();

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transaction;

	private final List<EventJournal> journals;

	InboundEvents(JdbcTemplate jdbc, TransactionTemplate transaction, List<EventJournal> journals) {
		this.jdbc = jdbc;
		this.transaction = transaction;
		this.journals = journals;
	}

	/** Handles one record with the matching handler; types without one are skipped. */
	public void dispatch(ConsumerRecord<String, byte[]> record, EventHandlers handlers) {
		Envelope envelope = KafkaEnvelope.read(record.headers());
		Optional<EventType> type = EventType.byName(envelope.type()).filter(handlers::handles);
		if (type.isEmpty()) {
			log.debug("Skipping {} {}: not handled here", envelope.type(), envelope.id());
			return;
		}
		ShopEvent event = EventJson.read(record.value(), type.get().payloadType());
		if (!event.subject().equals(envelope.subject())) {
			throw new MalformedEventException(
					"ce_subject " + envelope.subject() + " does not match the payload's " + event.subject());
		}
		String consumer = Optional.ofNullable(KafkaUtils.getConsumerGroupId()).orElse("default");
		this.transaction.executeWithoutResult((status) -> {
			if (!firstDelivery(consumer, envelope, type.get())) {
				log.debug("Skipping {} {}: already consumed by {}", envelope.type(), envelope.id(), consumer);
				return;
			}
			CURRENT.set(envelope);
			try {
				this.journals.forEach((journal) -> journal.consumed(envelope, event));
				handlers.handle(type.get(), event);
			}
			finally {
				CURRENT.remove();
			}
		});
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
