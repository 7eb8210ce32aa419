package com.shop.stack;

/**
 * How the inspection commands show one record: after a blank line, a heading, then one
 * labelled field per line; a value over several lines (pretty JSON) is indented under its
 * first line.
 */
final class RecordBlock {

	private final StringBuilder text = new StringBuilder("\n");

	private final String label;

	private final String continued;

	/** A block whose labels are padded to {@code labelWidth} characters. */
	RecordBlock(String heading, int labelWidth) {
		this.label = "  %-" + labelWidth + "s";
		this.continued = " ".repeat(labelWidth + 2);
		this.text.append(heading).append('\n');
	}

	RecordBlock field(String name, String value) {
		this.text.append(String.format(this.label, name))
			.append(value.replace("\n", "\n" + this.continued))
			.append('\n');
		return this;
	}

	@Override
	public String toString() {
		return this.text.toString();
	}

}
