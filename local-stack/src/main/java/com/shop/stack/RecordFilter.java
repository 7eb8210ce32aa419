package com.shop.stack;

import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

import com.shop.events.Envelope;
import com.shop.events.EventType;

/**
 * Which records {@code ./stack tail} shows: those of an event type and with a key, where
 * asked. A type matches by its full {@code ce_type} or by its end, with or without the
 * version: {@code order.placed} and {@code placed} both match
 * {@code shop.order.placed.v1}.
 *
 * @param type the type or end of a type, or {@code null} for any
 * @param key the exact key, or {@code null} for any
 */
record RecordFilter(String type, String key) implements Predicate<TopicRecord> {

	@Override
	public boolean test(TopicRecord record) {
		return (this.key == null || this.key.equals(record.keyText()))
				&& (this.type == null || matchesType(record.text(Envelope.TYPE)));
	}

	boolean matchesType(String ceType) {
		if (ceType == null) {
			return false;
		}
		String unversioned = ceType.replaceFirst("\\.v[0-9]+$", "");
		return ceType.equals(this.type) || ceType.endsWith("." + this.type) || unversioned.equals(this.type)
				|| unversioned.endsWith("." + this.type);
	}

	/** The pipeline's event types this filter lets through. */
	List<String> knownTypes() {
		return Arrays.stream(EventType.values())
			.map(EventType::typeName)
			.filter((name) -> this.type == null || matchesType(name))
			.toList();
	}

	/** What it filters on, e.g. {@code type order.placed, key ord-1}; empty for none. */
	String describe() {
		return ((this.type != null) ? "type " + this.type : "") + ((this.type != null && this.key != null) ? ", " : "")
				+ ((this.key != null) ? "key " + this.key : "");
	}

	boolean isEmpty() {
		return this.type == null && this.key == null;
	}

}
