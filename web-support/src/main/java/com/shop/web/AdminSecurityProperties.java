package com.shop.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The operator's credentials ({@code shop.security.*}). There is no default password: a
 * service without one does not start. The local stack generates one on first start;
 * elsewhere it comes from the environment ({@code SHOP_SECURITY_ADMIN_PASSWORD}).
 *
 * @param adminUser the operator's user name
 * @param adminPassword the operator's password, as is (compared in constant time) or
 * bcrypt-encoded with the {@code {bcrypt}} prefix
 */
@ConfigurationProperties("shop.security")
@Validated
public record AdminSecurityProperties(@DefaultValue("admin") @NotBlank String adminUser,
		@NotBlank(message = "must be set (SHOP_SECURITY_ADMIN_PASSWORD): operator endpoints need it") @Size(min = 16,
				message = "must have at least 16 characters") String adminPassword) {

}
