package com.shop.stack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.Map;

/** Finds the ports the stack needs that something else already listens on. */
final class PortCheck {

	private PortCheck() {
	}

	/** The taken ones among {@code ports} (port to what the stack wanted it for). */
	static Map<Integer, String> taken(Map<Integer, String> ports) {
		Map<Integer, String> taken = new LinkedHashMap<>();
		ports.forEach((port, use) -> {
			if (!isFree(port)) {
				taken.put(port, use);
			}
		});
		return taken;
	}

	static boolean isFree(int port) {
		try (ServerSocket socket = new ServerSocket()) {
			socket.bind(new InetSocketAddress(port));
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

}
