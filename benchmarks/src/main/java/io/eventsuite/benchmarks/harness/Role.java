package io.eventsuite.benchmarks.harness;

/**
 * What a measured variant is there for.
 */
public enum Role {

	/** The physical limit the suite is held against. */
	REFERENCE,

	/** The suite's own path, held to a target. */
	CONTENDER,

	/** A step between the two, to show where the difference goes. */
	DIAGNOSTIC

}
