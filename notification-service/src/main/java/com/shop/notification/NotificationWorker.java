package com.shop.notification;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.shop.events.Channel;
import com.shop.events.NotificationSent;
import com.shop.messaging.BackgroundLoop;
import com.shop.messaging.EventPublisher;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the queued notifications, off the consumer threads: it claims a batch of due ones
 * (skipping those another instance holds), hands them to their channel one after another
 * (e-mail over one kept SMTP connection), and in the same transaction marks them sent and
 * publishes a {@link NotificationSent} for each. A crash before that commit sends them
 * again after the restart (at least once); nothing queued is lost. A notice its channel
 * refuses is recorded as FAILED and retried with back-off (1 s, doubling, at most 5
 * minutes), and the rest of that batch waits for the next pass, since the channel is
 * likely down. Woken right after a commit that queued notices, and every poll interval
 * for retries that came due.
 * <p>
 * Meters: {@code shop.notifications.sent} (by channel and template) and
 * {@code shop.notifications.failed} (by channel).
 */
@Component
class NotificationWorker extends BackgroundLoop {

	private static final Logger log = LoggerFactory.getLogger(NotificationWorker.class);

	private static final int BATCH = 100;

	private static final Duration POLL = Duration.ofSeconds(1);

	private static final Duration FIRST_RETRY = Duration.ofSeconds(1);

	private static final Duration LAST_RETRY = Duration.ofMinutes(5);

	private final NotificationQueue queue;

	private final Map<Channel, NotificationSender> senders = new EnumMap<>(Channel.class);

	private final EventPublisher events;

	private final TransactionTemplate transaction;

	private final MeterRegistry meters;

	private final Map<String, Counter> counters = new ConcurrentHashMap<>();

	NotificationWorker(NotificationQueue queue, List<NotificationSender> senders, EventPublisher events,
			TransactionTemplate transaction, MeterRegistry meters) {
		// on stop it finishes the batch in hand; what is still queued is sent after the
		// restart
		super("notification-sender", Duration.ofSeconds(15));
		this.queue = queue;
		senders.forEach((sender) -> this.senders.put(sender.channel(), sender));
		this.events = events;
		this.transaction = transaction;
		this.meters = meters;
	}

	@Override
	protected void wakeUp() {
		this.queue.wakeUp();
	}

	@Override
	protected void run() {
		while (running()) {
			try {
				int claimed = sendBatch();
				if (claimed < 0) {
					// the channel refused one: give it a moment before the rest
					pause();
				}
				else if (claimed < BATCH) {
					this.queue.await(POLL);
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (RuntimeException ex) {
				log.warn("Sending queued notifications failed, trying again in {}: {}", POLL, ex.toString());
				pause();
			}
		}
	}

	/**
	 * Sends one batch of due notifications; returns how many it claimed, or -1 when a
	 * channel refused one.
	 */
	int sendBatch() {
		Integer claimed = this.transaction.execute((status) -> {
			List<NotificationQueue.Claimed> due = this.queue.claim(BATCH);
			List<NotificationQueue.Claimed> sent = new ArrayList<>(due.size());
			boolean refused = false;
			for (NotificationQueue.Claimed notification : due) {
				if (!send(notification)) {
					refused = true;
					break;
				}
				sent.add(notification);
			}
			if (!sent.isEmpty()) {
				this.queue.sent(sent);
				sent.forEach((notification) -> this.events.publishAfter(
						new NotificationSent(notification.notice().orderId(), notification.channel(),
								notification.recipient(), notification.notice().template().id()),
						notification.traceparent()));
			}
			return refused ? -1 : due.size();
		});
		return (claimed != null) ? claimed : 0;
	}

	private boolean send(NotificationQueue.Claimed notification) {
		NotificationSender sender = this.senders.get(notification.channel());
		try {
			if (sender == null) {
				throw new IllegalStateException("no sender for channel " + notification.channel());
			}
			sender.send(notification.notice());
			count("shop.notifications.sent", "Notices a channel accepted", notification.channel(),
					notification.notice().template().id());
			return true;
		}
		catch (RuntimeException ex) {
			Duration retryIn = retryIn(notification.attempts());
			log.warn("Order {}: {} by {} to {} failed, retried in {}: {}", notification.notice().orderId(),
					notification.notice().template().id(), notification.channel(), notification.recipient(), retryIn,
					ex.toString());
			count("shop.notifications.failed", "Notices a channel did not accept; they are retried",
					notification.channel(), null);
			this.queue.failed(notification, String.valueOf(ex.getMessage()), retryIn);
			return false;
		}
	}

	static Duration retryIn(int attempts) {
		Duration delay = FIRST_RETRY.multipliedBy(1L << Math.min(attempts, 16));
		return (delay.compareTo(LAST_RETRY) > 0) ? LAST_RETRY : delay;
	}

	private void count(String name, String description, Channel channel, String template) {
		this.counters.computeIfAbsent(name + "/" + channel + "/" + template, (key) -> {
			Counter.Builder builder = Counter.builder(name).description(description).tag("channel", channel.name());
			return ((template != null) ? builder.tag("template", template) : builder).register(this.meters);
		}).increment();
	}

	private void pause() {
		try {
			Thread.sleep(POLL.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
