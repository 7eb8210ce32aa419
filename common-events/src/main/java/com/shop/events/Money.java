package com.shop.events;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An amount of money: a decimal string on the wire
 * ({@code {"amount":"19.98","currency":"EUR"}}), never a floating-point number.
 */
public record Money(@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount, String currency) {

	private static final Pattern DECIMAL = Pattern.compile("-?[0-9]{1,12}(\\.[0-9]+)?");

	public Money {
		Objects.requireNonNull(amount, "amount");
		Objects.requireNonNull(currency, "currency");
		if (!currency.matches("[A-Z]{3}")) {
			throw new IllegalArgumentException("currency must be an ISO 4217 code: " + currency);
		}
		amount = amount.setScale(2, RoundingMode.UNNECESSARY);
	}

	public static Money of(String amount, String currency) {
		return new Money(new BigDecimal(amount), currency);
	}

	/**
	 * How JSON is read: the amount must be a decimal string ({@code "19.98"}), not a JSON
	 * number, a boolean or an exponent.
	 */
	@JsonCreator
	static Money fromJson(@JsonProperty("amount") String amount, @JsonProperty("currency") String currency) {
		if (amount == null || !DECIMAL.matcher(amount).matches()) {
			throw new IllegalArgumentException("amount must be a decimal string such as \"19.98\"");
		}
		return new Money(new BigDecimal(amount), currency);
	}

	public Money times(int quantity) {
		return new Money(this.amount.multiply(BigDecimal.valueOf(quantity)), this.currency);
	}

	public Money plus(Money other) {
		if (!this.currency.equals(other.currency)) {
			throw new IllegalArgumentException("cannot add " + other.currency + " to " + this.currency);
		}
		return new Money(this.amount.add(other.amount), this.currency);
	}

	public boolean isGreaterThan(BigDecimal limit) {
		return this.amount.compareTo(limit) > 0;
	}

	@Override
	public String toString() {
		return this.amount.toPlainString() + " " + this.currency;
	}

}
