package com.shop.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, for requests no well-behaved client would send (bytes
 * that are not valid headers or UTF-8) and from a chosen loopback source address (the
 * server sees a different client for each of 127.0.0.0/8).
 */
public final class RawHttp {

	private RawHttp() {
	}

	/** A response: status, headers (names in lower case) and body as text. */
	public record Response(int status, Map<String, String> headers, String body) {

		public String header(String name) {
			return this.headers.get(name.toLowerCase(Locale.ROOT));
		}

	}

	public static Response exchange(int port, String fromAddress, String method, String target,
			Map<String, String> headers, byte[] body) {
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port, InetAddress.getByName(fromAddress),
				0)) {
			socket.setSoTimeout(15_000);
			StringBuilder head = new StringBuilder(method + " " + target + " HTTP/1.1\r\nHost: localhost\r\n");
			headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
			if (body != null) {
				head.append("Content-Length: ").append(body.length).append("\r\n");
			}
			head.append("Connection: close\r\n\r\n");
			OutputStream out = socket.getOutputStream();
			// ISO-8859-1: every char of a header goes out as the byte it stands for,
			// hostile or not
			out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
			if (body != null) {
				out.write(body);
			}
			out.flush();
			return parse(socket.getInputStream().readAllBytes());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(method + " " + target + " failed", ex);
		}
	}

	private static Response parse(byte[] raw) {
		String text = new String(raw, StandardCharsets.ISO_8859_1);
		int endOfHead = text.indexOf("\r\n\r\n");
		String[] lines = text.substring(0, (endOfHead < 0) ? text.length() : endOfHead).split("\r\n");
		int status = Integer.parseInt(lines[0].split(" ")[1]);
		Map<String, String> headers = new LinkedHashMap<>();
		for (int i = 1; i < lines.length; i++) {
			int colon = lines[i].indexOf(':');
			if (colon > 0) {
				headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
						lines[i].substring(colon + 1).trim());
			}
		}
		byte[] body = (endOfHead < 0) ? new byte[0] : Arrays.copyOfRange(raw, endOfHead + 4, raw.length);
		if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
			body = unchunk(body);
		}
		return new Response(status, headers, new String(body, StandardCharsets.UTF_8));
	}

	private static byte[] unchunk(byte[] chunked) {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		String framing = new String(chunked, StandardCharsets.ISO_8859_1);
		int at = 0;
		while (at < chunked.length) {
			int endOfSize = framing.indexOf("\r\n", at);
			if (endOfSize < 0) {
				break;
			}
			int size = Integer.parseInt(framing.substring(at, endOfSize).split(";")[0].trim(), 16);
			if (size == 0) {
				break;
			}
			body.write(chunked, endOfSize + 2, Math.min(size, chunked.length - endOfSize - 2));
			at = endOfSize + 2 + size + 2;
		}
		return body.toByteArray();
	}

}
