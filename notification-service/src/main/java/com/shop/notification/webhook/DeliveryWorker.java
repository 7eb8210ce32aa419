package com.shop.notification.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.shop.messaging.BackgroundLoop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends due webhook deliveries. One thread claims due deliveries (in a short transaction
 * that leases them, so no other instance sends them meanwhile) as long as the send pool
 * has free threads; each send runs outside any transaction, and its outcome is recorded
 * in a transaction of its own. It claims right after a commit queued deliveries or a send
 * finished, and every poll interval as a fallback (retries coming due, deliveries an
 * instance that died left behind).
 */
@Component
class DeliveryWorker extends BackgroundLoop {

	private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);

	private final DeliveryQueue queue;

	private final DeliverySender sender;

	private final DeliveryLog deliveries;

	private final DeliverySignal signal;

	private final TransactionTemplate transaction;

	private final WebhookSettings settings;

	private final AtomicInteger sending = new AtomicInteger();

	private ExecutorService pool;

	DeliveryWorker(DeliveryQueue queue, DeliverySender sender, DeliveryLog deliveries, DeliverySignal signal,
			TransactionTemplate transaction, WebhookSettings settings) {
		super("webhook-claimer", Duration.ofSeconds(1));
		this.queue = queue;
		this.sender = sender;
		this.deliveries = deliveries;
		this.signal = signal;
		this.transaction = transaction;
		this.settings = settings;
	}

	@Override
	public void start() {
		this.pool = new ThreadPoolExecutor(this.settings.threads(), this.settings.threads(), 0, TimeUnit.SECONDS,
				new LinkedBlockingQueue<>(), new CustomizableThreadFactory("webhook-send-"));
		super.start();
	}

	/**
	 * Stops claiming and gives running sends until their timeout; a send cut short is
	 * retried when its lease runs out.
	 */
	@Override
	public void stop() {
		super.stop();
		this.pool.shutdown();
		try {
			this.pool.awaitTermination(this.settings.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		this.pool.shutdownNow();
	}

	@Override
	protected void wakeUp() {
		this.signal.wakeUp();
	}

	@Override
	protected void run() {
		while (running()) {
			try {
				claimAndSend();
				this.signal.await(this.settings.pollInterval());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (RuntimeException ex) {
				log.warn("Claiming webhook deliveries failed, trying again in {}: {}", this.settings.pollInterval(),
						ex.toString());
				sleep();
			}
		}
	}

	private void claimAndSend() {
		int free;
		while (running() && (free = this.settings.threads() - this.sending.get()) > 0) {
			List<ClaimedDelivery> claimed = claim(free);
			claimed.forEach(this::submit);
			if (claimed.size() < free) {
				return;
			}
		}
	}

	private List<ClaimedDelivery> claim(int max) {
		Instant now = Instant.now();
		List<ClaimedDelivery> claimed = this.transaction.execute((status) -> this.queue.claim(max,
				this.settings.perEndpointConcurrency(), now, now.plus(this.settings.lease())));
		return (claimed != null) ? claimed : List.of();
	}

	private void submit(ClaimedDelivery delivery) {
		this.sending.incrementAndGet();
		this.pool.execute(() -> {
			try {
				this.deliveries.attempted(delivery, this.sender.send(delivery));
			}
			catch (RuntimeException ex) {
				log.warn("Recording the attempt of webhook delivery {} failed; it is retried when its lease ends: {}",
						delivery.id(), ex.toString());
			}
			finally {
				this.sending.decrementAndGet();
				this.signal.wakeUp();
			}
		});
	}

	private void sleep() {
		try {
			Thread.sleep(this.settings.pollInterval().toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
