package com.shop.stack;

import java.io.PrintStream;
import java.time.Duration;

/**
 * What every command that inspects a broker does around its own work: reads the command
 * line (a mistake prints the usage, exit code 2), prints the help when asked, connects,
 * runs, and reports a broker that cannot be used, or does not hold what was asked for, in
 * one line (exit code 1).
 */
final class BrokerCommand {

	static final int OK = 0;

	static final int FAILED = 1;

	static final int USAGE = 2;

	static final Duration TIMEOUT = Duration.ofSeconds(10);

	private BrokerCommand() {
	}

	/** The options every such command has. */
	interface Options {

		boolean help();

		String bootstrapServers();

	}

	/** Reads a command line. */
	interface Parser<O extends Options> {

		O parse(String... args) throws UsageException;

	}

	/** The command's own work; returns its exit code. */
	interface Work<O extends Options> {

		int run(O options, BrokerConnection kafka) throws BrokerException;

	}

	static <O extends Options> int run(String[] args, Parser<O> parser, String usage, Work<O> work, PrintStream out,
			PrintStream err, Duration timeout) {
		O options;
		try {
			options = parser.parse(args);
		}
		catch (UsageException ex) {
			err.println(ex.getMessage());
			err.println();
			err.print(usage);
			return USAGE;
		}
		if (options.help()) {
			out.print(usage);
			return OK;
		}
		try (BrokerConnection kafka = BrokerConnection.connect(options.bootstrapServers(), timeout)) {
			return work.run(options, kafka);
		}
		catch (BrokerException ex) {
			err.println(ex.getMessage());
			return FAILED;
		}
	}

}
