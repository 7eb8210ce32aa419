package com.shop.notification.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The SSRF rules for webhook targets, without Spring. */
class TargetGuardTest {

	private final TargetGuard guard = new TargetGuard(List.of());

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			http://127.0.0.1/hook              | loopback
			http://127.8.9.10:8080/hook        | loopback
			http://localhost/hook              | loopback
			http://[::1]/hook                  | loopback
			http://0.0.0.0/hook                | any-local
			http://[::]/hook                   | any-local
			http://169.254.169.254/latest/meta | link-local
			http://[fe80::1]/hook              | link-local
			http://10.0.0.1/hook               | private
			http://172.16.5.4/hook             | private
			http://172.31.255.255/hook         | private
			http://192.168.1.1/hook            | private
			http://[fd12:3456::1]/hook         | unique-local
			http://[fc00::1]/hook              | unique-local
			http://100.64.0.1/hook             | carrier-grade NAT
			http://100.127.255.254/hook        | carrier-grade NAT
			http://224.0.0.1/hook              | multicast
			http://[ff02::1]/hook              | multicast
			http://[::ffff:10.0.0.1]/hook      | private
			""")
	void refusesNonPublicAddresses(String url, String kind) {
		assertThatThrownBy(() -> this.guard.check(URI.create(url))).isInstanceOf(TargetGuard.RefusedTarget.class)
			.hasMessageContaining(kind)
			.hasMessageContaining("webhook targets must be public");
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://93.184.215.14/hook", "https://8.8.8.8/hook", "http://172.32.0.1/hook",
			"http://100.128.0.1/hook", "http://[2606:4700::1111]/hook" })
	void acceptsPublicAddresses(String url) {
		assertThatNoException().isThrownBy(() -> this.guard.check(URI.create(url)));
	}

	@Test
	void allowedNetworksOpenExactlyTheirRange() {
		TargetGuard loopbackAllowed = new TargetGuard(List.of("127.0.0.0/8", "fd00::/8"));
		assertThatNoException().isThrownBy(() -> loopbackAllowed.check(URI.create("http://127.0.0.1:8080/hook")));
		assertThatNoException().isThrownBy(() -> loopbackAllowed.check(URI.create("http://[fd00::5]/hook")));
		assertThatThrownBy(() -> loopbackAllowed.check(URI.create("http://10.1.2.3/hook")))
			.isInstanceOf(TargetGuard.RefusedTarget.class)
			.hasMessageContaining("private");
		assertThatThrownBy(() -> loopbackAllowed.check(URI.create("http://[::1]/hook")))
			.isInstanceOf(TargetGuard.RefusedTarget.class)
			.hasMessageContaining("loopback");
	}

	@Test
	void unresolvableHostIsRefused() {
		assertThatThrownBy(() -> this.guard.check(URI.create("http://no-such-host.invalid/hook")))
			.isInstanceOf(TargetGuard.RefusedTarget.class)
			.hasMessageContaining("cannot be resolved");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			ftp://example.com/hook           | http or https
			file:///etc/passwd               | http or https
			example.com/hook                 | http or https
			http:///hook                     | host
			http://user:pw@example.com/hook  | user info
			http://exa mple.com/             | not a valid URL
			""")
	void rejectsUrlsThatAreNotPlainHttp(String url, String reason) {
		assertThatThrownBy(() -> TargetGuard.parse(url)).isInstanceOf(TargetGuard.InvalidTarget.class)
			.hasMessageContaining(reason);
	}

	@Test
	void acceptsHttpAndHttpsUrls() {
		assertThat(TargetGuard.parse("HTTPS://example.com:8443/hooks?x=1").getHost()).isEqualTo("example.com");
		assertThat(TargetGuard.parse("http://example.com/").getPort()).isEqualTo(-1);
	}

}
