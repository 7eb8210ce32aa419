package com.shop.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * Who may do what, the same in every service. Operator actions (product upsert and
 * restock, webhook management, actuator endpoints other than health) need the admin's
 * HTTP Basic credentials; everything a storefront offers (placing and reading orders, the
 * catalog, the store page, live status) stays open. Stateless: no session, no cookie, so
 * no CSRF token either. 401 and 403 are problem+json like every other refusal.
 */
@AutoConfiguration(before = { ServletWebSecurityAutoConfiguration.class, ManagementWebSecurityAutoConfiguration.class,
		UserDetailsServiceAutoConfiguration.class })
@EnableWebSecurity
@EnableConfigurationProperties(AdminSecurityProperties.class)
public class AdminSecurityAutoConfiguration {

	static final String ADMIN = "ADMIN";

	/**
	 * The HTTP server observation already makes one span per request; Spring Security's
	 * own, one per filter of the chain plus authentication and authorization, cost more
	 * than the placement they surround.
	 */
	@Bean
	SecurityObservationSettings securityObservations() {
		return SecurityObservationSettings.noObservations();
	}

	@Bean
	SecurityFilterChain shopSecurity(HttpSecurity http) throws Exception {
		AuthenticationEntryPoint unauthorized = (request, response, ex) -> {
			response.setHeader("WWW-Authenticate", "Basic realm=\"shop\"");
			problem(response, HttpStatus.UNAUTHORIZED,
					"This operation needs the admin credentials (HTTP Basic); " + ex.getMessage());
		};
		AccessDeniedHandler forbidden = (request, response, ex) -> problem(response, HttpStatus.FORBIDDEN,
				"These credentials may not do this: " + ex.getMessage());
		return http.csrf((csrf) -> csrf.disable())
			.cors(Customizer.withDefaults())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.httpBasic((basic) -> basic.authenticationEntryPoint(unauthorized))
			.exceptionHandling(
					(handling) -> handling.authenticationEntryPoint(unauthorized).accessDeniedHandler(forbidden))
			.authorizeHttpRequests((requests) -> requests.requestMatchers("/actuator/health", "/actuator/health/**")
				.permitAll()
				.requestMatchers("/actuator/**", "/api/webhooks", "/api/webhooks/**")
				.hasRole(ADMIN)
				.requestMatchers(HttpMethod.PUT, "/api/products/**")
				.hasRole(ADMIN)
				.requestMatchers(HttpMethod.POST, "/api/products/**")
				.hasRole(ADMIN)
				.anyRequest()
				.permitAll())
			.build();
	}

	/**
	 * The one operator account. A password without an {@code {id}} prefix is taken as
	 * given; in production prefer an encoded one ({@code {bcrypt}$2a$...}), so the plain
	 * secret is not in the environment. Only a lookup: a
	 * {@code UserDetailsPasswordService} would have Spring Security re-encode a plain
	 * password with bcrypt at the first login, and every request after it would pay for a
	 * bcrypt check (about 70 ms of CPU).
	 */
	@Bean
	UserDetailsService adminAccount(AdminSecurityProperties properties) {
		String password = properties.adminPassword().startsWith("{") ? properties.adminPassword()
				: "{noop}" + properties.adminPassword();
		InMemoryUserDetailsManager accounts = new InMemoryUserDetailsManager(
				User.withUsername(properties.adminUser()).password(password).roles(ADMIN).build());
		return accounts::loadUserByUsername;
	}

	/**
	 * {@code {bcrypt}} for an encoded admin password, {@code {noop}} for a plain one. A
	 * plain password is compared in constant time (through SHA-256, so its length does
	 * not show either); it is at least 16 characters of random, so a slow hash would add
	 * nothing but a way for anyone to burn CPU with wrong passwords. Unknown user names
	 * are checked against a plain dummy for the same reason.
	 */
	@Bean
	PasswordEncoder passwordEncoder() {
		return new DelegatingPasswordEncoder("noop",
				Map.of("noop", new ConstantTimePlainPassword(), "bcrypt", new BCryptPasswordEncoder()));
	}

	private static final class ConstantTimePlainPassword implements PasswordEncoder {

		@Override
		public String encode(CharSequence rawPassword) {
			return rawPassword.toString();
		}

		@Override
		public boolean matches(CharSequence rawPassword, String encodedPassword) {
			return rawPassword != null && encodedPassword != null
					&& MessageDigest.isEqual(sha256(rawPassword.toString()), sha256(encodedPassword));
		}

		private static byte[] sha256(String text) {
			try {
				return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
			}
			catch (NoSuchAlgorithmException ex) {
				throw new IllegalStateException("Every Java runtime has SHA-256", ex);
			}
		}

	}

	/**
	 * Spring Security's strict firewall, also refusing a NUL character in a query or form
	 * parameter: PostgreSQL cannot compare text with it, so the query would fail as a
	 * server error.
	 */
	@Bean
	HttpFirewall httpFirewall() {
		StrictHttpFirewall firewall = new StrictHttpFirewall();
		firewall.setAllowedParameterValues((value) -> value.indexOf('\0') < 0);
		return firewall;
	}

	/**
	 * Spring Security's firewall refuses requests with dangerous paths or header values
	 * before anything else runs; say so as a problem, not an empty 400.
	 */
	@Bean
	RequestRejectedHandler requestRejectedHandler() {
		return (request, response, ex) -> problem(response, HttpStatus.BAD_REQUEST,
				"The request was rejected: " + ex.getMessage());
	}

	private static void problem(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
		ProblemResponses.write(response, status, detail);
	}

}
