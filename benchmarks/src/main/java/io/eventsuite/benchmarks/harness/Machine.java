package io.eventsuite.benchmarks.harness;

import java.lang.management.ManagementFactory;
import java.util.Locale;

import com.sun.management.OperatingSystemMXBean;

/**
 * The machine a benchmark ran on, as the report states it.
 *
 * @param cpus the processors the JVM sees ({@code nproc})
 * @param memoryGib total physical memory
 * @param java the Java runtime's vendor and version
 * @param os the operating system and architecture
 * @param loadBefore the one-minute load average when the benchmark started
 */
public record Machine(int cpus, double memoryGib, String java, String os, double loadBefore) {

	/**
	 * Above this one-minute load the figures of a 2-core machine are not worth keeping.
	 */
	public static final double QUIET_LOAD = 0.8;

	/**
	 * Describes this machine now.
	 * @return the description
	 */
	public static Machine current() {
		OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
		return new Machine(Runtime.getRuntime().availableProcessors(), os.getTotalMemorySize() / (1024.0 * 1024 * 1024),
				System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
				System.getProperty("os.name") + " " + System.getProperty("os.arch"), loadAverage());
	}

	/**
	 * The one-minute load average.
	 * @return the load, negative where the platform does not report it
	 */
	public static double loadAverage() {
		return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
	}

	/**
	 * Whether the machine was quiet enough at the start for the figures to be published.
	 * @return {@code true} below {@link #QUIET_LOAD}
	 */
	public boolean wasQuiet() {
		return this.loadBefore >= 0 && this.loadBefore < QUIET_LOAD;
	}

	@Override
	public String toString() {
		return String.format(Locale.ROOT, "%d CPUs, %.1f GiB, %s, %s, load average %.2f at start", this.cpus,
				this.memoryGib, this.java, this.os, this.loadBefore);
	}

}
