package com.shop.messaging;

import java.time.Duration;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How far the outbox is behind: {@code shop.outbox.backlog} (entries not yet sent) and
 * {@code shop.outbox.oldest.age} (seconds the oldest of them has waited, 0 when none).
 * Both come from one query whose answer is kept for a moment, so scrapes and several
 * gauges do not each hit the database. While the database cannot answer they read NaN.
 */
final class OutboxMetrics implements MeterBinder {

	private static final Logger log = LoggerFactory.getLogger(OutboxMetrics.class);

	private static final Duration FRESH_FOR = Duration.ofSeconds(2);

	private final JdbcTemplate jdbc;

	private Snapshot last;

	OutboxMetrics(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder("shop.outbox.backlog", this, (metrics) -> metrics.snapshot().backlog())
			.description("Outbox entries committed but not yet acknowledged by Kafka")
			.register(registry);
		Gauge.builder("shop.outbox.oldest.age", this, (metrics) -> metrics.snapshot().oldestAgeSeconds())
			.description("How long the oldest outbox entry has waited to be sent")
			.baseUnit("seconds")
			.register(registry);
	}

	synchronized Snapshot snapshot() {
		long now = System.nanoTime();
		if (this.last == null || now - this.last.readAt() > FRESH_FOR.toNanos()) {
			this.last = read(now);
		}
		return this.last;
	}

	private Snapshot read(long now) {
		try {
			return this.jdbc.queryForObject(
					"select count(*), coalesce(greatest(0, extract(epoch from"
							+ " clock_timestamp() - min(occurred_at))), 0) from outbox_event",
					(rs, row) -> new Snapshot(rs.getLong(1), rs.getDouble(2), now));
		}
		catch (DataAccessException ex) {
			log.debug("Cannot read the outbox backlog: {}", ex.toString());
			return new Snapshot(Double.NaN, Double.NaN, now);
		}
	}

	record Snapshot(double backlog, double oldestAgeSeconds, long readAt) {
	}

}
