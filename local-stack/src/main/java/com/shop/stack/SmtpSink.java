package com.shop.stack;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An SMTP server that takes every mail and keeps the newest {@code capacity} as they came
 * (RFC 5322 text), for the mail viewer. It speaks just enough SMTP for any client:
 * EHLO/HELO, MAIL, RCPT, DATA (with dot-unstuffing), RSET, NOOP, QUIT. Nothing is parsed
 * when a mail arrives and old mails are dropped, so a benchmark that sends a thousand
 * mails a second costs it little CPU and no growing memory; a full SMTP test server
 * (GreenMail, used by the tests) parses and stores every mail, which cost more here than
 * sending them.
 */
final class SmtpSink implements AutoCloseable {

	private static final int MAX_LINE = 64 * 1024;

	private static final int MAX_MAIL = 1024 * 1024;

	private final ServerSocket server;

	private final int capacity;

	private final Deque<byte[]> mails = new ArrayDeque<>();

	private final AtomicLong received = new AtomicLong();

	private final ExecutorService connections = Executors.newCachedThreadPool((task) -> {
		Thread thread = new Thread(task, "smtp-sink");
		thread.setDaemon(true);
		return thread;
	});

	private SmtpSink(ServerSocket server, int capacity) {
		this.server = server;
		this.capacity = capacity;
	}

	/** Listens on loopback at {@code port} (0 picks a free one). */
	static SmtpSink start(int port, int capacity) throws IOException {
		ServerSocket server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
		SmtpSink sink = new SmtpSink(server, capacity);
		Thread acceptor = new Thread(sink::accept, "smtp-sink-accept");
		acceptor.setDaemon(true);
		acceptor.start();
		return sink;
	}

	int port() {
		return this.server.getLocalPort();
	}

	/** How many mails arrived since the start. */
	long received() {
		return this.received.get();
	}

	/** The newest mails as they came, oldest first. */
	List<byte[]> mails() {
		synchronized (this.mails) {
			return new ArrayList<>(this.mails);
		}
	}

	private void accept() {
		while (!this.server.isClosed()) {
			try {
				Socket socket = this.server.accept();
				this.connections.execute(() -> serve(socket));
			}
			catch (IOException ex) {
				// closed
			}
		}
	}

	private void serve(Socket socket) {
		try (socket) {
			socket.setSoTimeout(300_000);
			InputStream in = new BufferedInputStream(socket.getInputStream());
			OutputStream out = socket.getOutputStream();
			reply(out, "220 localhost ESMTP shop local-stack mail sink");
			String line;
			while ((line = readLine(in)) != null) {
				String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase(Locale.ROOT) : line;
				switch (command) {
					case "EHLO" -> reply(out, "250-localhost\r\n250-8BITMIME\r\n250 SIZE " + MAX_MAIL);
					case "HELO", "MAIL", "RCPT", "RSET", "NOOP" -> reply(out, "250 OK");
					case "DATA" -> {
						reply(out, "354 End data with <CR><LF>.<CR><LF>");
						byte[] mail = readData(in);
						if (mail == null) {
							return;
						}
						keep(mail);
						reply(out, "250 OK");
					}
					case "QUIT" -> {
						reply(out, "221 Bye");
						return;
					}
					case "VRFY" -> reply(out, "252 Cannot verify");
					default -> reply(out, "502 Command not implemented");
				}
			}
		}
		catch (SocketException ex) {
			// the client went away
		}
		catch (IOException ex) {
			// a broken or too long line: the connection ends
		}
	}

	private void keep(byte[] mail) {
		this.received.incrementAndGet();
		synchronized (this.mails) {
			this.mails.addLast(mail);
			while (this.mails.size() > this.capacity) {
				this.mails.removeFirst();
			}
		}
	}

	/** The mail up to the line holding a single dot, dots at line starts unstuffed. */
	private static byte[] readData(InputStream in) throws IOException {
		ByteArrayOutputStream mail = new ByteArrayOutputStream(2048);
		String line;
		while ((line = readLine(in)) != null) {
			if (line.equals(".")) {
				return mail.toByteArray();
			}
			if (mail.size() < MAX_MAIL) {
				mail.writeBytes((line.startsWith(".") ? line.substring(1) : line).getBytes(StandardCharsets.UTF_8));
				mail.writeBytes(new byte[] { '\r', '\n' });
			}
		}
		return null;
	}

	private static String readLine(InputStream in) throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream(128);
		int b;
		while ((b = in.read()) != -1) {
			if (b == '\n') {
				byte[] bytes = line.toByteArray();
				int length = (bytes.length > 0 && bytes[bytes.length - 1] == '\r') ? bytes.length - 1 : bytes.length;
				return new String(bytes, 0, length, StandardCharsets.UTF_8);
			}
			if (line.size() >= MAX_LINE) {
				throw new IOException("line too long");
			}
			line.write(b);
		}
		return null;
	}

	private static void reply(OutputStream out, String reply) throws IOException {
		out.write((reply + "\r\n").getBytes(StandardCharsets.US_ASCII));
		out.flush();
	}

	@Override
	public void close() {
		try {
			this.server.close();
		}
		catch (IOException ex) {
			// closing anyway
		}
		this.connections.shutdownNow();
	}

}
