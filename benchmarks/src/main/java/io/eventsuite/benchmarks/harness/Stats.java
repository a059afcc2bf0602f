package io.eventsuite.benchmarks.harness;

import java.util.Arrays;

/**
 * The median: robust against the one run the machine was busy elsewhere.
 */
final class Stats {

	private Stats() {
	}

	static double median(double[] values) {
		if (values.length == 0) {
			return Double.NaN;
		}
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		int middle = sorted.length / 2;
		return (sorted.length % 2 == 1) ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
	}

}
