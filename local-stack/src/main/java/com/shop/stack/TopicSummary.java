package com.shop.stack;

import java.util.SortedMap;

/**
 * One topic as {@code ./stack topics} shows it.
 *
 * @param name the topic
 * @param partitions how many partitions it has
 * @param records what it holds: end offset minus start offset, summed over its partitions
 * (the end offset itself while nothing was deleted or compacted away)
 * @param cleanupPolicy {@code delete}, {@code compact} or both
 * @param lagByGroup for each consumer group that committed offsets on it, the records
 * past them, summed over its partitions
 */
record TopicSummary(String name, int partitions, long records, String cleanupPolicy,
		SortedMap<String, Long> lagByGroup) {

	boolean holdsDeadLetters() {
		return this.name.endsWith(DeadLetter.SUFFIX) && this.records > 0;
	}

}
