package com.shop.messaging;

import java.util.Optional;
import java.util.function.Consumer;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What a batch's {@linkplain EventHandlers.Builder#prepare preparation} read once for all
 * of its events (the rows the batch touches, already locked), kept for the handlers of
 * that batch: bound to the batch's transaction and gone when it ends. Outside a prepared
 * batch it is empty, and a handler reads what it needs itself.
 *
 * @param <T> the state
 */
public final class BatchState<T> {

	private final Object key = new Object();

	/** Keeps the state for the rest of the current transaction. */
	public void bind(T state) {
		bind(state, (unchanged) -> {
		});
	}

	/**
	 * Keeps the state for the rest of the current transaction, and has {@code write}
	 * write what the batch changed in it just before the transaction commits.
	 */
	public void bind(T state, Consumer<T> write) {
		TransactionSynchronizationManager.unbindResourceIfPossible(this.key);
		TransactionSynchronizationManager.bindResource(this.key, state);
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void beforeCommit(boolean readOnly) {
				write.accept(state);
			}

			@Override
			public void afterCompletion(int status) {
				TransactionSynchronizationManager.unbindResourceIfPossible(BatchState.this.key);
			}
		});
	}

	/** The current transaction's state, if a batch prepared one. */
	@SuppressWarnings("unchecked")
	public Optional<T> current() {
		return Optional.ofNullable((T) TransactionSynchronizationManager.getResource(this.key));
	}

}
