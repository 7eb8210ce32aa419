package com.shop.notification.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.security.web.util.matcher.IpAddressMatcher;

/**
 * Keeps webhooks away from the service's own network (SSRF): a target URL must be http(s)
 * without user info, and every address its host resolves to must be public, unless it is
 * inside one of the allowed networks. Checked when an endpoint is registered and again
 * before every attempt, since DNS answers change.
 */
class TargetGuard {

	private final List<IpAddressMatcher> allowed;

	TargetGuard(List<String> allowedNetworks) {
		this.allowed = allowedNetworks.stream().map(IpAddressMatcher::new).toList();
	}

	/**
	 * The URL as a URI if it has the shape of a webhook target.
	 * @throws InvalidTarget when it is not an absolute http(s) URL with a host and
	 * without user info
	 */
	static URI parse(String url) {
		URI uri;
		try {
			uri = new URI(url);
		}
		catch (URISyntaxException ex) {
			throw new InvalidTarget("is not a valid URL: " + ex.getReason());
		}
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : null;
		if (!"http".equals(scheme) && !"https".equals(scheme)) {
			throw new InvalidTarget("must be an http or https URL");
		}
		if (uri.getHost() == null || uri.getHost().isEmpty()) {
			throw new InvalidTarget("must name a host");
		}
		if (uri.getRawUserInfo() != null) {
			throw new InvalidTarget("must not contain user info");
		}
		return uri;
	}

	/**
	 * Resolves the target's host and checks every address.
	 * @throws RefusedTarget when the host cannot be resolved or an address is not public
	 * and not allowed
	 */
	void check(URI target) {
		String host = target.getHost();
		InetAddress[] addresses;
		try {
			addresses = InetAddress.getAllByName(host);
		}
		catch (UnknownHostException ex) {
			throw new RefusedTarget("the host " + host + " cannot be resolved");
		}
		for (InetAddress address : addresses) {
			Optional<String> kind = nonPublic(address);
			if (kind.isPresent() && !allowed(address)) {
				throw new RefusedTarget("the host " + host + " resolves to " + address.getHostAddress() + ", a "
						+ kind.get() + " address; webhook targets must be public"
						+ " (or inside shop.webhooks.allowed-networks)");
			}
		}
	}

	private boolean allowed(InetAddress address) {
		String text = address.getHostAddress();
		int scope = text.indexOf('%');
		String literal = (scope >= 0) ? text.substring(0, scope) : text;
		return this.allowed.stream().anyMatch((network) -> network.matches(literal));
	}

	/** What kind of non-public address it is, or empty for a public one. */
	static Optional<String> nonPublic(InetAddress address) {
		byte[] bytes = address.getAddress();
		if (address.isLoopbackAddress()) {
			return Optional.of("loopback");
		}
		if (address.isAnyLocalAddress() || (address instanceof Inet4Address && bytes[0] == 0)) {
			return Optional.of("unspecified (any-local)");
		}
		if (address.isLinkLocalAddress()) {
			return Optional.of("link-local (incl. cloud metadata)");
		}
		if (address.isSiteLocalAddress()) {
			return Optional.of("private");
		}
		if (address.isMulticastAddress()) {
			return Optional.of("multicast");
		}
		if (address instanceof Inet4Address) {
			int first = bytes[0] & 0xff;
			int second = bytes[1] & 0xff;
			if (first == 100 && (second & 0xc0) == 64) {
				return Optional.of("carrier-grade NAT (shared)");
			}
			if (first == 255 && second == 255 && (bytes[2] & bytes[3] & 0xff) == 0xff) {
				return Optional.of("broadcast");
			}
		}
		if (address instanceof Inet6Address && (bytes[0] & 0xfe) == 0xfc) {
			return Optional.of("unique-local (private)");
		}
		return Optional.empty();
	}

	/** A target URL that is not a well-formed http(s) URL; the client's mistake (400). */
	static class InvalidTarget extends RuntimeException {

		InvalidTarget(String message) {
			super(message);
		}

	}

	/** A target the SSRF rules refuse (422 at registration, a failed attempt later). */
	static class RefusedTarget extends RuntimeException {

		RefusedTarget(String message) {
			super(message);
		}

	}

}
