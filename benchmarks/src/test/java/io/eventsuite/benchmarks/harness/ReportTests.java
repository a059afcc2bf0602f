package io.eventsuite.benchmarks.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class ReportTests {

	private static final Machine MACHINE = new Machine(2, 24, "Java 17", "Linux amd64", 0.3);

	private static final Target.Share TARGET = new Target.Share("target 1", "unthrottled", "suite", "raw", 0.85);

	@Test
	void ratioIsTheContendersMedianOverTheReferencesMedian() {
		Report report = report(List.of(run("raw", Role.REFERENCE, 1, 100_000), run("suite", Role.CONTENDER, 1, 80_000),
				run("raw", Role.REFERENCE, 2, 120_000), run("suite", Role.CONTENDER, 2, 95_000),
				run("raw", Role.REFERENCE, 3, 10_000), run("suite", Role.CONTENDER, 3, 90_000)));

		assertThat(report.summary("unthrottled", "raw").medianPerSecond()).isEqualTo(100_000);
		assertThat(report.summary("unthrottled", "suite").medianPerSecond()).isEqualTo(90_000);
		assertThat(TARGET.ratio(report)).isEqualTo(0.9);
		assertThat(report.verdicts())
			.containsExactly(new Target.Verdict(true, "target 1: suite reaches 90.0% of raw (target ≥ 85%): met"));
	}

	@Test
	void aMissedTargetSaysByHowMuch() {
		Report report = report(
				List.of(run("raw", Role.REFERENCE, 1, 100_000), run("suite", Role.CONTENDER, 1, 70_000)));

		assertThat(report.verdicts()).singleElement().satisfies((verdict) -> {
			assertThat(verdict.met()).isFalse();
			assertThat(verdict.text()).endsWith("reaches 70.0% of raw (target ≥ 85%): missed by 15.0 points");
		});
	}

	@Test
	void aLimitHoldsLatencyBelowAndThroughputAbove() {
		List<Measurement> runs = List.of(run("suite", Role.CONTENDER, 1, 120_000));
		Target p99 = new Target.Limit("target 4", "unthrottled", "suite", Statistic.P99_MS, 4);
		Target drain = new Target.Limit("target 5", "unthrottled", "suite", Statistic.PER_SECOND, 100_000);

		Report report = new Report("test", "Test", MACHINE, List.of(), runs, List.of(p99, drain), "unthrottled",
				"unthrottled");

		assertThat(report.verdicts()).extracting(Target.Verdict::text)
			.containsExactly("target 4: suite p99 5.00 ms (target ≤ 4.00 ms): missed by 1.00 ms",
					"target 5: suite throughput 120,000 /s (target ≥ 100,000 /s): met");
	}

	@Test
	void aMultipleComparesTheContendersLatencyWithTheReferences() {
		List<Measurement> runs = List.of(run("raw", Role.REFERENCE, 1, 1000), run("suite", Role.CONTENDER, 1, 1000));
		Target target = new Target.Multiple("target 4", "unthrottled", "suite", "raw", Statistic.P99_MS, 1.5);

		Report report = new Report("test", "Test", MACHINE, List.of(), runs, List.of(target), "unthrottled",
				"unthrottled");

		assertThat(report.verdicts()).extracting(Target.Verdict::text)
			.containsExactly("target 4: suite p99 5.00 ms is 1.00× raw's 5.00 ms (target ≤ 1.50×): met");
	}

	@Test
	void peakRssIsTheHighestOfAnyRun() {
		List<Measurement> runs = List.of(
				new Measurement("start-up", "svc", Role.CONTENDER, 1, 1, 0, 3.0, 1, Latency.NONE, 210),
				new Measurement("start-up", "svc", Role.CONTENDER, 2, 1, 0, 4.0, 1, Latency.NONE, 250),
				new Measurement("start-up", "svc", Role.CONTENDER, 3, 1, 0, 3.5, 1, Latency.NONE, 230));
		Target rss = new Target.Limit("target 6", "start-up", "svc", Statistic.PEAK_RSS_MB, 240);

		Report report = new Report("test", "Test", MACHINE, List.of(), runs, List.of(rss), "start-up", "start-up");

		assertThat(report.summary("start-up", "svc").medianSeconds()).isEqualTo(3.5);
		assertThat(report.verdicts().get(0).text())
			.isEqualTo("target 6: svc peak RSS 250 MB (target ≤ 240 MB): missed by 10.00 MB");
		assertThat(report.table()).contains("| median s | peak RSS MB |")
			.contains("| start-up | svc | contender | 3 | 1 | 1–1 |")
			.contains("| 3.50 | 250.0 |");
	}

	@Test
	void writesTableCsvOfEveryRunAndChart(@TempDir Path directory) throws IOException {
		Report report = report(List.of(run("raw", Role.REFERENCE, 1, 100_000), run("suite", Role.CONTENDER, 1, 90_000),
				run("raw", Role.REFERENCE, 2, 110_000), run("suite", Role.CONTENDER, 2, 91_000)));

		Report.Written written = report.write(directory);

		assertThat(Files.readString(written.table())).contains("| unthrottled | raw | reference | 2 | 105,000 |")
			.contains(report.verdicts().get(0).text())
			.contains("load average 0.30");
		assertThat(Files.readAllLines(written.csv())).hasSize(5)
			.first()
			.isEqualTo(
					"benchmark,series,variant,role,round,count,errors,seconds,per_second,p50_ms,p99_ms,p999_ms,max_ms,"
							+ "peak_rss_mb,cpu_ms_per_event,machine_busy");
		assertThat(Files.readAllLines(written.csv()).get(2)).isEqualTo(
				"test,\"unthrottled\",\"suite\",contender,1,90000,0,1.000,90000.000,1.000,5.000,9.000,20.000,,\"\",");
		byte[] png = Files.readAllBytes(written.chart());
		assertThat(png).hasSizeGreaterThan(5_000).startsWith(0x89, 'P', 'N', 'G');
	}

	@Test
	void cpuPerEventIsEachProcesssMedianOverTheRuns(@TempDir Path directory) throws IOException {
		List<Measurement> runs = List.of(run("suite", Role.CONTENDER, 1, 1_000).withCpu(cpu(0.40, 0.10, 0.95)),
				run("suite", Role.CONTENDER, 2, 1_000).withCpu(cpu(0.60, 0.30, 0.99)),
				run("suite", Role.CONTENDER, 3, 1_000).withCpu(cpu(0.50, 0.20, 0.97)),
				run("raw", Role.REFERENCE, 1, 1_000));

		Report report = report(runs);

		// 0.50 CPU seconds for 1,000 events: 0.5 ms each.
		assertThat(report.summary("unthrottled", "suite").cpuMillisPerEvent())
			.containsExactly(Map.entry("order-service", 0.5), Map.entry("broker", 0.2));
		assertThat(report.summary("unthrottled", "suite").machineBusy()).isEqualTo(0.97);
		assertThat(report.summary("unthrottled", "raw").cpuMillisPerEvent()).isEmpty();
		assertThat(report.table()).contains("| CPU ms per event; machine busy |")
			.contains("| order-service 0.50, broker 0.20 ms; machine 97% busy |")
			.contains(
					"| unthrottled | raw | reference | 1 | 1,000 | 1,000–1,000 | 1.00 | 5.00 | 9.00 | 20.0 | 1.00 | – |");
		assertThat(Files.readAllLines(report.write(directory).csv()).get(1))
			.endsWith(",\"order-service=0.4000;broker=0.1000\",0.950");
	}

	@Test
	void busiestThreadsAreEachGroupsMedianShareOfACoreWithAMissingGroupTakingNothing(@TempDir Path directory)
			throws IOException {
		// Runs of one second each, metered over two: 0.60 CPU seconds is 30% of a core.
		List<Measurement> runs = List.of(
				run("suite", Role.CONTENDER, 1, 1_000).withCpu(threads(Map.of("http-nio-8080-", 0.60, "C2 CompilerThre",
						0.40, "VM Periodic Tas", 0.02, "GC Thread#", 0.06, "G1 Conc#", 0.04, "kafka-producer-", 0.12))),
				run("suite", Role.CONTENDER, 2, 1_000)
					.withCpu(threads(Map.of("http-nio-8080-", 1.00, "GC Thread#", 0.08, "kafka-producer-", 0.16))),
				run("suite", Role.CONTENDER, 3, 1_000).withCpu(threads(Map.of("http-nio-8080-", 0.80, "C2 CompilerThre",
						0.20, "GC Thread#", 0.12, "kafka-producer-", 0.14))));

		Report report = untargeted(runs);

		// The compiler took 20%, nothing and 10% of a core: its median is 10%, not 15%.
		// The collector's groups count as one, in the table; the CSV keeps each.
		assertThat(report.summary("unthrottled", "suite").threadCores().get("order-service"))
			.containsEntry("http-nio-8080-", 0.4)
			.containsEntry("JIT", 0.1)
			.containsEntry("GC", 0.05)
			.containsEntry("VM Periodic Tas", 0.0);
		assertThat(report.table()).contains("- unthrottled, suite: order-service `http-nio-8080-` 40%, `JIT` 10%, "
				+ "`kafka-producer-` 7%, `GC` 5%\n");
		assertThat(Files.readAllLines(report.write(directory).threadsCsv().orElseThrow())).hasSize(1 + 6 + 3 + 4)
			.startsWith("benchmark,series,variant,role,round,process,threads,cpu_seconds,cpu_ms_per_event,core_share")
			.contains("test,\"unthrottled\",\"suite\",contender,2,\"order-service\",\"GC Thread#\",0.080,0.080,"
					+ "0.040");
	}

	@Test
	void threadsBelowTwoPercentOfACoreAreNotNamed() {
		Report report = untargeted(List.of(run("suite", Role.CONTENDER, 1, 1_000)
			.withCpu(threads(Map.of("main", 0.01, "C1 CompilerThre", 0.03)))));

		assertThat(report.table()).contains("- unthrottled, suite: order-service –\n");
	}

	@Test
	void aReportWithoutThreadsHasNeitherBusiestThreadsNorTheirCsv(@TempDir Path directory) throws IOException {
		Report report = untargeted(List.of(run("suite", Role.CONTENDER, 1, 1_000).withCpu(cpu(0.5, 0.2, 0.9))));

		assertThat(report.table()).doesNotContain("Busiest threads");
		assertThat(report.write(directory).threadsCsv()).isEmpty();
		assertThat(directory.resolve("test-threads.csv")).doesNotExist();
	}

	@Test
	void aRunWithoutARateShowsADashNotNaN() {
		List<Measurement> runs = List
			.of(new Measurement("start-up", "svc", Role.CONTENDER, 1, 1, 0, 3.0, Double.NaN, Latency.NONE));

		Report report = new Report("test", "Test", MACHINE, List.of(), runs, List.of(), "start-up", "start-up");

		assertThat(report.table()).contains("| start-up | svc | contender | 1 | – | – | – |").doesNotContain("NaN");
	}

	private static Report report(List<Measurement> measurements) {
		return new Report("test", "Test", MACHINE, List.of("held equal"), measurements, List.of(TARGET), "unthrottled",
				"unthrottled");
	}

	private static Report untargeted(List<Measurement> measurements) {
		return new Report("test", "Test", MACHINE, List.of(), measurements, List.of(), "unthrottled", "unthrottled");
	}

	private static CpuUse cpu(double service, double broker, double busy) {
		Map<String, Double> seconds = new LinkedHashMap<>();
		seconds.put("order-service", service);
		seconds.put("broker", broker);
		return new CpuUse(seconds, busy);
	}

	private static CpuUse threads(Map<String, Double> orderServiceThreads) {
		double total = orderServiceThreads.values().stream().mapToDouble(Double::doubleValue).sum();
		return new CpuUse(Map.of("order-service", total), 0.9, 2.0, Map.of("order-service", orderServiceThreads));
	}

	private static Measurement run(String variant, Role role, int round, double perSecond) {
		return new Measurement("unthrottled", variant, role, round, (long) perSecond, 0, 1, perSecond,
				new Latency(1, 5, 9, 20));
	}

}
