package com.shop.stack;

import java.net.ServerSocket;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PortCheckTests {

	@Test
	void reportsAPortSomethingListensOn() throws Exception {
		try (ServerSocket busy = new ServerSocket(0)) {
			int port = busy.getLocalPort();

			assertThat(PortCheck.taken(Map.of(port, "Kafka"))).containsExactly(Map.entry(port, "Kafka"));
		}
	}

	@Test
	void acceptsAFreePort() throws Exception {
		int port;
		try (ServerSocket probe = new ServerSocket(0)) {
			port = probe.getLocalPort();
		}

		assertThat(PortCheck.taken(Map.of(port, "Kafka"))).isEmpty();
	}

}
