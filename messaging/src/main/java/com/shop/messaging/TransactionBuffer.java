package com.shop.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Rows that a transaction collects as it goes and writes once, just before it commits: a
 * batch of consumed events that publishes fifty events, or journals fifty of them, makes
 * one set-based statement instead of fifty. The write runs inside the transaction, so the
 * rows commit with it or not at all; a failing write rolls it back.
 *
 * @param <T> one row
 */
public final class TransactionBuffer<T> {

	private final Object key = new Object();

	private final Consumer<List<T>> write;

	private final Runnable afterCommit;

	/**
	 * @param write writes the rows of one transaction, in the order they were added
	 */
	public TransactionBuffer(Consumer<List<T>> write) {
		this(write, () -> {
		});
	}

	/**
	 * @param write writes the rows of one transaction, in the order they were added
	 * @param afterCommit runs once a transaction that wrote rows has committed
	 */
	public TransactionBuffer(Consumer<List<T>> write, Runnable afterCommit) {
		this.write = write;
		this.afterCommit = afterCommit;
	}

	/**
	 * Adds a row to the current transaction's batch.
	 * @throws IllegalStateException outside a transaction, or once the transaction's rows
	 * were written (a write must not add rows)
	 */
	public void add(T row) {
		current().add(row);
	}

	private Batch<T> current() {
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalStateException("rows are buffered inside the transaction that writes them");
		}
		@SuppressWarnings("unchecked")
		Batch<T> batch = (Batch<T>) TransactionSynchronizationManager.getResource(this.key);
		if (batch == null) {
			Batch<T> created = new Batch<>();
			TransactionSynchronizationManager.bindResource(this.key, created);
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

				@Override
				public void beforeCommit(boolean readOnly) {
					created.written = true;
					if (!created.rows.isEmpty()) {
						TransactionBuffer.this.write.accept(created.rows);
					}
				}

				@Override
				public void afterCommit() {
					if (!created.rows.isEmpty()) {
						TransactionBuffer.this.afterCommit.run();
					}
				}

				@Override
				public void afterCompletion(int status) {
					TransactionSynchronizationManager.unbindResourceIfPossible(TransactionBuffer.this.key);
				}

			});
			batch = created;
		}
		return batch;
	}

	private static final class Batch<T> {

		private final List<T> rows = new ArrayList<>();

		private boolean written;

		void add(T row) {
			if (this.written) {
				throw new IllegalStateException("this transaction's rows were written already");
			}
			this.rows.add(row);
		}

	}

}
