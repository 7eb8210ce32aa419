package com.shop.payment.gateway;

import java.math.BigDecimal;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the payment simulator ({@code shop.payment.*}).
 *
 * @param limit the largest amount charged; anything above fails with
 * {@code LIMIT_EXCEEDED}, whatever the payment method
 */
@ConfigurationProperties("shop.payment")
@Validated
record SimulatorProperties(@DefaultValue("10000.00") @NotNull @PositiveOrZero BigDecimal limit) {
}
