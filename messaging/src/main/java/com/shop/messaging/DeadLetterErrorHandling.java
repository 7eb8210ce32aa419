package com.shop.messaging;

import com.shop.events.MalformedEventException;
import com.shop.events.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.common.TopicPartition;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ConsumerAwareRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.util.backoff.FixedBackOff;

/**
 * How a record that fails is treated. A record that cannot be parsed goes straight to
 * {@code <topic>.DLT}; one whose handler fails is retried with exponential back-off and
 * then dead-lettered, so it never blocks its partition. While the database is unreachable
 * nothing can succeed, so such failures are retried until it is back instead of
 * dead-lettering every record that arrives meanwhile. Every record dead-lettered is
 * counted in {@code shop.events.dead.lettered}, by the topic it came from.
 */
final class DeadLetterErrorHandling {

	private DeadLetterErrorHandling() {
	}

	static DefaultErrorHandler errorHandler(KafkaOperations<?, ?> template, MessagingProperties.Retry retry,
			MeterRegistry meters) {
		DeadLetterPublishingRecoverer publisher = new DeadLetterPublishingRecoverer(template,
				(record, ex) -> new TopicPartition(Topics.deadLetter(record.topic()), record.partition()));
		ConsumerAwareRecordRecoverer recoverer = (record, consumer, ex) -> {
			publisher.accept(record, consumer, unwrapBatch(ex));
			Counter.builder("shop.events.dead.lettered")
				.description("Records given up on and sent to the dead-letter topic, by the topic they came from")
				.tag("topic", record.topic())
				.register(meters)
				.increment();
		};
		ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(retry.maxRetries());
		backOff.setInitialInterval(retry.initialInterval().toMillis());
		backOff.setMultiplier(retry.multiplier());
		backOff.setMaxInterval(retry.maxInterval().toMillis());
		DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff);
		handler.addNotRetryableExceptions(MalformedEventException.class);
		FixedBackOff untilDatabaseIsBack = new FixedBackOff(retry.maxInterval().toMillis(),
				FixedBackOff.UNLIMITED_ATTEMPTS);
		handler.setBackOffFunction((record, ex) -> databaseUnreachable(ex) ? untilDatabaseIsBack : null);
		return handler;
	}

	/**
	 * The batch listener names the failed record with a
	 * {@link BatchListenerFailedException}: the dead letter's exception headers tell what
	 * failed, as for a record listener.
	 */
	private static Exception unwrapBatch(Exception ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof BatchListenerFailedException batch && batch.getCause() != null) {
				return new ListenerExecutionFailedException(batch.getCause().getMessage(), batch.getCause());
			}
		}
		return ex;
	}

	static boolean databaseUnreachable(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof DataAccessResourceFailureException
					|| cause instanceof TransientDataAccessResourceException
					|| cause instanceof RecoverableDataAccessException
					|| cause instanceof CannotCreateTransactionException) {
				return true;
			}
		}
		return false;
	}

}
