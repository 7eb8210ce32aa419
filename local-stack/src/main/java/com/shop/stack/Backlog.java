package com.shop.stack;

import java.util.List;
import java.util.PriorityQueue;

/**
 * The records {@code ./stack tail} found on a topic before it caught up, kept to be shown
 * in time order: only the newest (or the oldest) {@code limit} of them, however many the
 * topic holds.
 */
final class Backlog {

	private final int limit;

	/** The record to drop first is at the head. */
	private final PriorityQueue<TopicRecord> kept;

	private Backlog(int limit, boolean oldest) {
		this.limit = limit;
		this.kept = new PriorityQueue<>(oldest ? TopicRecord.IN_TIME_ORDER.reversed() : TopicRecord.IN_TIME_ORDER);
	}

	static Backlog newest(int limit) {
		return new Backlog(limit, false);
	}

	static Backlog oldest(int limit) {
		return new Backlog(limit, true);
	}

	void add(TopicRecord record) {
		this.kept.add(record);
		if (this.kept.size() > this.limit) {
			this.kept.poll();
		}
	}

	/** What was kept, oldest first; the backlog is empty afterwards. */
	List<TopicRecord> drain() {
		List<TopicRecord> records = this.kept.stream().sorted(TopicRecord.IN_TIME_ORDER).toList();
		this.kept.clear();
		return records;
	}

}
