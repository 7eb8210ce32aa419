package com.shop.stack;

/** A part of the stack that was started and has to be stopped again, in reverse order. */
interface Component {

	String name();

	/** Stops this part and says how that went, for the shutdown report. */
	String stop();

}
