package com.shop.stack;

/** The pause between two polls of something that is starting. */
final class Pause {

	private Pause() {
	}

	static void briefly() throws StackException {
		try {
			Thread.sleep(500);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new StackException("Interrupted while waiting for the stack to start");
		}
	}

}
