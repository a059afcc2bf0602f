package io.eventsuite.benchmarks.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a benchmark measured, summarised per variant (the median of its runs), held
 * against its target, and written as a Markdown table, a CSV of every run, a CSV of every
 * run's CPU per thread where it was measured, and a PNG chart.
 */
public final class Report {

	private static final String CSV_HEADER = "benchmark,series,variant,role,round,count,errors,seconds,per_second,"
			+ "p50_ms,p99_ms,p999_ms,max_ms,peak_rss_mb,cpu_ms_per_event,machine_busy";

	private static final String THREADS_CSV_HEADER = "benchmark,series,variant,role,round,process,threads,cpu_seconds,"
			+ "cpu_ms_per_event,core_share";

	/** How many of a process's busiest thread groups the table names. */
	private static final int BUSIEST = 4;

	/** Below this share of a core, a thread group is not named in the table. */
	private static final double NOTABLE_CORE_SHARE = 0.02;

	private final String name;

	private final String title;

	private final Machine machine;

	private final List<String> settings;

	private final List<Measurement> measurements;

	private final List<Target> targets;

	private final String throughputSeries;

	private final String latencySeries;

	/**
	 * A report.
	 * @param name the benchmark's name, which names the files
	 * @param title a heading for the table and the chart
	 * @param machine where it ran
	 * @param settings what was held equal, one line each
	 * @param measurements every run
	 * @param targets what the figures are held to
	 * @param throughputSeries the series whose throughput per run the chart shows
	 * @param latencySeries the series whose latencies the chart shows
	 */
	public Report(String name, String title, Machine machine, List<String> settings, List<Measurement> measurements,
			List<Target> targets, String throughputSeries, String latencySeries) {
		this.name = name;
		this.title = title;
		this.machine = machine;
		this.settings = List.copyOf(settings);
		this.measurements = List.copyOf(measurements);
		this.targets = List.copyOf(targets);
		this.throughputSeries = throughputSeries;
		this.latencySeries = latencySeries;
	}

	public String name() {
		return this.name;
	}

	public String title() {
		return this.title;
	}

	public List<Target> targets() {
		return this.targets;
	}

	public String throughputSeries() {
		return this.throughputSeries;
	}

	public String latencySeries() {
		return this.latencySeries;
	}

	public List<Measurement> measurements() {
		return this.measurements;
	}

	/**
	 * One line per series and variant, in the order they were first measured.
	 * @return the summaries
	 */
	public List<Summary> summaries() {
		Map<List<String>, List<Measurement>> runs = new LinkedHashMap<>();
		for (Measurement measurement : this.measurements) {
			runs.computeIfAbsent(List.of(measurement.series(), measurement.variant()), (key) -> new ArrayList<>())
				.add(measurement);
		}
		return runs.values().stream().map(Summary::of).toList();
	}

	/**
	 * The summary of a variant in a series.
	 * @param series the series
	 * @param variant the variant
	 * @return its summary
	 * @throws IllegalArgumentException if it was not measured
	 */
	public Summary summary(String series, String variant) {
		return summaries().stream()
			.filter((summary) -> summary.series().equals(series) && summary.variant().equals(variant))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException(variant + " was not measured in " + series));
	}

	/**
	 * Every target, judged.
	 * @return one verdict per target, in order
	 */
	public List<Target.Verdict> verdicts() {
		return this.targets.stream().map((target) -> target.judge(this)).toList();
	}

	/**
	 * The summary as Markdown: the machine, the settings, a table and the verdict.
	 * @return the text
	 */
	public String table() {
		StringBuilder text = new StringBuilder();
		text.append("## ").append(this.title).append("\n\n");
		text.append("Machine: ").append(this.machine).append("\n\n");
		this.settings.forEach((line) -> text.append("- ").append(line).append('\n'));
		// Duration and memory columns only where some run measured them (start-up, RSS).
		boolean rss = this.measurements.stream().anyMatch((m) -> !Double.isNaN(m.peakRssMb()));
		boolean cpu = this.measurements.stream().anyMatch((m) -> m.cpu().measured());
		text.append("\n| series | variant | role | runs | median /s | min–max /s | p50 ms | p99 ms | p99.9 ms | max ms "
				+ "| median s |" + (rss ? " peak RSS MB |" : "") + (cpu ? " CPU ms per event; machine busy |" : "")
				+ " errors |\n|---|---|---|---|---|---|---|---|---|---|---|" + (rss ? "---|" : "") + (cpu ? "---|" : "")
				+ "---|\n");
		for (Summary summary : summaries()) {
			// A run without a rate (a start-up) shows "–", not NaN.
			String range = Double.isNaN(summary.medianPerSecond()) ? "–"
					: String.format(Locale.ROOT, "%,.0f–%,.0f", summary.minPerSecond(), summary.maxPerSecond());
			text.append(String.format(Locale.ROOT, "| %s | %s | %s | %d | %s | %s | %s | %s | %s | %s | %s |",
					summary.series(), summary.variant(), summary.role().name().toLowerCase(Locale.ROOT), summary.runs(),
					rate(summary.medianPerSecond()), range, millis(summary.latency().p50()),
					millis(summary.latency().p99()), millis(summary.latency().p999()), millis(summary.latency().max()),
					millis(summary.medianSeconds())));
			if (rss) {
				text.append(' ').append(millis(summary.peakRssMb())).append(" |");
			}
			if (cpu) {
				text.append(' ').append(CpuUse.text(summary.cpuMillisPerEvent(), summary.machineBusy())).append(" |");
			}
			text.append(' ').append(summary.errors()).append(" |\n");
		}
		text.append('\n');
		verdicts().forEach((verdict) -> text.append(verdict.text()).append('\n'));
		busiestThreads(text);
		return text.toString();
	}

	// Where each process's CPU went, the medians of the runs: what `top -H` shows.
	private void busiestThreads(StringBuilder text) {
		List<Summary> measured = summaries().stream().filter((summary) -> !summary.threadCores().isEmpty()).toList();
		if (measured.isEmpty()) {
			return;
		}
		text.append("\nBusiest threads, share of a core over the run (median of the runs; at most ")
			.append(BUSIEST)
			.append(" per process, from ")
			.append(Math.round(NOTABLE_CORE_SHARE * 100))
			.append("%; named as the kernel keeps them, 15 characters, trailing numbers "
					+ "dropped; the JVM's compilers as JIT and its collector as GC; every thread in the threads CSV):"
					+ "\n\n");
		for (Summary summary : measured) {
			text.append("- ").append(summary.series()).append(", ").append(summary.variant()).append(": ");
			text.append(summary.threadCores()
				.entrySet()
				.stream()
				.map((process) -> process.getKey() + " " + busiest(process.getValue()))
				.collect(Collectors.joining("; ")));
			text.append('\n');
		}
	}

	private static String busiest(Map<String, Double> threads) {
		String busiest = threads.entrySet()
			.stream()
			.filter((thread) -> thread.getValue() >= NOTABLE_CORE_SHARE)
			.sorted(Map.Entry.<String, Double>comparingByValue().reversed())
			.limit(BUSIEST)
			.map((thread) -> String.format(Locale.ROOT, "`%s` %.0f%%", thread.getKey(), thread.getValue() * 100))
			.collect(Collectors.joining(", "));
		return busiest.isEmpty() ? "–" : busiest;
	}

	/**
	 * Writes {@code <name>.md}, {@code <name>.csv}, {@code <name>.png} and, where a run
	 * measured its processes' threads, {@code <name>-threads.csv}.
	 * @param directory where
	 * @return the files written
	 */
	public Written write(Path directory) {
		try {
			Files.createDirectories(directory);
			boolean threads = this.measurements.stream().anyMatch((m) -> !m.cpu().threadSeconds().isEmpty());
			Written written = new Written(directory.resolve(this.name + ".md"), directory.resolve(this.name + ".csv"),
					threads ? Optional.of(directory.resolve(this.name + "-threads.csv")) : Optional.empty(),
					directory.resolve(this.name + ".png"));
			Files.writeString(written.table(), table(), StandardCharsets.UTF_8);
			Files.writeString(written.csv(), csv(), StandardCharsets.UTF_8);
			if (written.threadsCsv().isPresent()) {
				Files.writeString(written.threadsCsv().get(), threadsCsv(), StandardCharsets.UTF_8);
			}
			Charts.write(this, written.chart());
			return written;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	String csv() {
		return this.measurements.stream()
			.map((m) -> String.join(",", this.name, quoted(m.series()), quoted(m.variant()),
					m.role().name().toLowerCase(Locale.ROOT), String.valueOf(m.round()), String.valueOf(m.count()),
					String.valueOf(m.errors()), decimal(m.seconds()), decimal(m.perSecond()),
					decimal(m.latency().p50()), decimal(m.latency().p99()), decimal(m.latency().p999()),
					decimal(m.latency().max()), decimal(m.peakRssMb()), quoted(cpuCsv(m.cpuMillisPerEvent())),
					decimal(m.cpu().machineBusy())))
			.collect(Collectors.joining("\n", CSV_HEADER + "\n", "\n"));
	}

	// One line per run, process and thread group: the figures behind the table's busiest
	// threads.
	String threadsCsv() {
		StringBuilder csv = new StringBuilder(THREADS_CSV_HEADER).append('\n');
		for (Measurement m : this.measurements) {
			Map<String, Map<String, Double>> perEvent = m.threadMillisPerEvent();
			Map<String, Map<String, Double>> cores = m.threadCores();
			m.cpu()
				.threadSeconds()
				.forEach((process,
						threads) -> threads.forEach((thread, seconds) -> csv
							.append(String.join(",", this.name, quoted(m.series()), quoted(m.variant()),
									m.role().name().toLowerCase(Locale.ROOT), String.valueOf(m.round()),
									quoted(process), quoted(thread), decimal(seconds),
									decimal(perEvent.getOrDefault(process, Map.of()).getOrDefault(thread, Double.NaN)),
									decimal(cores.getOrDefault(process, Map.of()).getOrDefault(thread, Double.NaN))))
							.append('\n')));
		}
		return csv.toString();
	}

	private static String cpuCsv(Map<String, Double> millisPerEvent) {
		return millisPerEvent.entrySet()
			.stream()
			.map((process) -> process.getKey() + "=" + String.format(Locale.ROOT, "%.4f", process.getValue()))
			.collect(Collectors.joining(";"));
	}

	private static String quoted(String value) {
		return "\"" + value.replace("\"", "\"\"") + "\"";
	}

	private static String decimal(double value) {
		return Double.isNaN(value) ? "" : String.format(Locale.ROOT, "%.3f", value);
	}

	private static String rate(double value) {
		return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%,.0f", value);
	}

	private static String millis(double value) {
		if (Double.isNaN(value)) {
			return "–";
		}
		return String.format(Locale.ROOT, (value < 10) ? "%.2f" : "%.1f", value);
	}

	/**
	 * The files of a report.
	 *
	 * @param table the Markdown table
	 * @param csv every run
	 * @param threadsCsv every run's CPU per process and thread group, where any was
	 * measured
	 * @param chart the PNG chart
	 */
	public record Written(Path table, Path csv, Optional<Path> threadsCsv, Path chart) {
	}

	/**
	 * The runs of one variant in one series.
	 *
	 * @param series the series
	 * @param variant the variant
	 * @param role its role
	 * @param runs how many runs
	 * @param medianPerSecond the median throughput
	 * @param minPerSecond the lowest
	 * @param maxPerSecond the highest
	 * @param latency the median of each latency percentile
	 * @param medianSeconds the median run duration
	 * @param peakRssMb the highest peak RSS of any run, {@code NaN} if not measured
	 * @param cpuMillisPerEvent per process, the median over the runs that measured it of
	 * its CPU milliseconds per event; empty if none did
	 * @param machineBusy the median share of the machine's cores busy during those runs,
	 * {@code NaN} if not measured
	 * @param threadCores per process and group of its threads (the JVM's compilers and
	 * collector each as one, {@link JvmThreads}), the median over the runs that measured
	 * the process of its share of a core (a group missing from such a run counts as 0
	 * there); empty if none did
	 * @param errors failures over all runs
	 */
	public record Summary(String series, String variant, Role role, int runs, double medianPerSecond,
			double minPerSecond, double maxPerSecond, Latency latency, double medianSeconds, double peakRssMb,
			Map<String, Double> cpuMillisPerEvent, double machineBusy, Map<String, Map<String, Double>> threadCores,
			long errors) {

		static Summary of(List<Measurement> runs) {
			Measurement first = runs.get(0);
			double[] perSecond = runs.stream().mapToDouble(Measurement::perSecond).toArray();
			return new Summary(first.series(), first.variant(), first.role(), runs.size(), Stats.median(perSecond),
					runs.stream().mapToDouble(Measurement::perSecond).min().orElse(Double.NaN),
					runs.stream().mapToDouble(Measurement::perSecond).max().orElse(Double.NaN),
					Latency.median(runs.stream().map(Measurement::latency).toList()),
					Stats.median(runs.stream().mapToDouble(Measurement::seconds).toArray()),
					runs.stream()
						.mapToDouble(Measurement::peakRssMb)
						.filter((mb) -> !Double.isNaN(mb))
						.max()
						.orElse(Double.NaN),
					medians(runs.stream().map(Measurement::cpuMillisPerEvent).toList()), machineBusy(runs),
					threadMedians(runs), runs.stream().mapToLong(Measurement::errors).sum());
		}

		// Per key, the median over the runs that have it.
		private static Map<String, Double> medians(List<Map<String, Double>> runs) {
			Map<String, List<Double>> perKey = new LinkedHashMap<>();
			runs.forEach((run) -> run
				.forEach((key, value) -> perKey.computeIfAbsent(key, (any) -> new ArrayList<>()).add(value)));
			Map<String, Double> medians = new LinkedHashMap<>();
			perKey.forEach((key, values) -> medians.put(key,
					Stats.median(values.stream().mapToDouble(Double::doubleValue).toArray())));
			return medians;
		}

		// A group missing from a run that measured its process took nothing in it: a
		// thread that lived in one run of three does not count as if it lived in all.
		private static Map<String, Map<String, Double>> threadMedians(List<Measurement> runs) {
			Map<String, List<Map<String, Double>>> perProcess = new LinkedHashMap<>();
			runs.forEach((run) -> run.threadCores()
				.forEach((process, threads) -> perProcess.computeIfAbsent(process, (any) -> new ArrayList<>())
					.add(JvmThreads.fold(threads))));
			Map<String, Map<String, Double>> medians = new LinkedHashMap<>();
			perProcess.forEach((process, measured) -> {
				Map<String, Double> groups = new LinkedHashMap<>();
				measured.forEach((threads) -> threads.keySet().forEach((group) -> groups.put(group, 0.0)));
				medians.put(process, medians(measured.stream().map((threads) -> {
					Map<String, Double> all = new LinkedHashMap<>(groups);
					all.putAll(threads);
					return all;
				}).toList()));
			});
			return medians;
		}

		private static double machineBusy(List<Measurement> runs) {
			return Stats.median(runs.stream()
				.mapToDouble((run) -> run.cpu().machineBusy())
				.filter((share) -> !Double.isNaN(share))
				.toArray());
		}

	}

}
