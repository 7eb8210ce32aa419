package com.shop.messaging;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.function.Function;

/**
 * Binds a column of a batch as one SQL array parameter, for set-based statements such as
 * {@code insert ... select * from unnest(?, ?)} or {@code where id = any(?)}: one
 * statement for the whole batch, whatever its size.
 */
public final class SqlArrays {

	private SqlArrays() {
	}

	/**
	 * Sets parameter {@code index} to an array of {@code sqlType} ({@code uuid},
	 * {@code text}, {@code int4}, {@code numeric}, {@code timestamptz}, ...) holding
	 * {@code column} of every row. An {@link Instant} goes as its ISO-8601 text with
	 * {@code Z}, so its meaning does not depend on the JVM's or the server's time zone.
	 */
	public static <R> void bind(PreparedStatement statement, int index, String sqlType, Collection<R> rows,
			Function<R, ?> column) throws SQLException {
		Object[] values = new Object[rows.size()];
		int i = 0;
		for (R row : rows) {
			Object value = column.apply(row);
			values[i++] = (value instanceof Instant instant) ? instant.toString() : value;
		}
		Array array = statement.getConnection().createArrayOf(sqlType, values);
		statement.setArray(index, array);
	}

}
