package com.shop.events;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.cfg.MapperBuilder;
import tools.jackson.databind.cfg.MutableCoercionConfig;
import tools.jackson.databind.type.LogicalType;

/**
 * How every service reads JSON, requests and events alike: a value is taken as what it
 * is, never converted into what the field wants. A fraction, a string, a boolean or
 * {@code null} where an integer is expected is an error naming the field, as is a number
 * or a boolean where text is expected, or text or a number where a boolean is. JSON's
 * defaults would have turned {@code 1.7} into 1 and {@code "2"} into 2 without a word. A
 * money amount is a decimal string by contract ({@code "19.98"}), and {@link Money} takes
 * nothing else.
 * <p>
 * Unknown properties are a choice of the caller: requests refuse them (a misspelt
 * optional field would otherwise be dropped unnoticed), events ignore them (producers add
 * optional fields without breaking older consumers).
 */
public final class StrictJson {

	private StrictJson() {
	}

	/** Applies the rules to a mapper being built. */
	public static <B extends MapperBuilder<?, B>> B configure(B builder) {
		return builder.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
			.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
			.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
			// an enum by its name only, never by its index (0 or "0")
			.enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
			.withCoercionConfig(LogicalType.Integer,
					(config) -> refuse(config, CoercionInputShape.Float, CoercionInputShape.String,
							CoercionInputShape.Boolean, CoercionInputShape.EmptyString))
			.withCoercionConfig(LogicalType.Float,
					(config) -> refuse(config, CoercionInputShape.String, CoercionInputShape.Boolean,
							CoercionInputShape.EmptyString))
			.withCoercionConfig(LogicalType.Boolean,
					(config) -> refuse(config, CoercionInputShape.Integer, CoercionInputShape.Float,
							CoercionInputShape.String, CoercionInputShape.EmptyString))
			.withCoercionConfig(LogicalType.Textual,
					(config) -> refuse(config, CoercionInputShape.Integer, CoercionInputShape.Float,
							CoercionInputShape.Boolean))
			// UUIDs and the like: "" is not a missing value
			.withCoercionConfig(LogicalType.OtherScalar, (config) -> refuse(config, CoercionInputShape.EmptyString));
	}

	private static void refuse(MutableCoercionConfig config, CoercionInputShape... shapes) {
		for (CoercionInputShape shape : shapes) {
			config.setCoercion(shape, CoercionAction.Fail);
		}
	}

}
