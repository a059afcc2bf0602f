package io.eventsuite.benchmarks.harness;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JVM's own threads, each family as one: its compilers as {@value #JIT}, its
 * collector as {@value #GC}. A report's busiest threads then say how much the JIT and the
 * collector took in all, where G1 alone spreads its work over four kinds of thread and
 * the serial collector works in the {@code VM Thread}.
 */
final class JvmThreads {

	static final String JIT = "JIT";

	static final String GC = "GC";

	private JvmThreads() {
	}

	/**
	 * Folds the JVM's thread groups into their families.
	 * @param groups CPU by thread group, as {@link ThreadTicks#secondsSince} names them
	 * @return the same CPU, the compilers' and the collector's groups added up
	 */
	static Map<String, Double> fold(Map<String, Double> groups) {
		Map<String, Double> folded = new LinkedHashMap<>();
		groups.forEach((group, value) -> folded.merge(family(group), value, Double::sum));
		return folded;
	}

	private static String family(String group) {
		if (group.startsWith("C1 CompilerThre") || group.startsWith("C2 CompilerThre")) {
			return JIT;
		}
		if (group.startsWith("GC Thread#") || group.startsWith("G1 ") || group.equals("VM Thread")) {
			return GC;
		}
		return group;
	}

}
