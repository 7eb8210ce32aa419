package com.shop.notification.webhook;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Wakes the delivery worker as soon as there is work: right after a transaction that
 * queued deliveries commits, or when a send finishes and frees a thread. A separate bean
 * so that the event journal, which the messaging machinery needs early, does not depend
 * on the worker.
 */
@Component
class DeliverySignal {

	private final Semaphore signals = new Semaphore(0);

	void wakeUp() {
		this.signals.release();
	}

	/** Wakes the worker once the current transaction commits (at once without one). */
	void wakeUpAfterCommit() {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			wakeUp();
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				wakeUp();
			}
		});
	}

	/** Waits for a signal or the timeout, and consumes every signal given meanwhile. */
	void await(Duration timeout) throws InterruptedException {
		this.signals.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS);
		this.signals.drainPermits();
	}

}
