package io.eventsuite.benchmarks.harness;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.BitmapEncoder.BitmapFormat;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler.LegendPosition;

/**
 * The chart of a report, side by side: the throughput of every run in the throughput
 * series, and the latency percentiles of each variant in the latency series (log scale).
 */
final class Charts {

	private static final List<String> PERCENTILES = List.of("p50", "p99", "p99.9", "max");

	private static final int WIDTH = 640;

	private static final int HEIGHT = 440;

	private Charts() {
	}

	static void write(Report report, Path png) throws IOException {
		// Charts are drawn off-screen: no display needed, on a server or in CI.
		System.setProperty("java.awt.headless", "true");
		// A throughput-only benchmark (a drain, a start-up) has no latency to draw.
		boolean latencies = report.summaries()
			.stream()
			.anyMatch((summary) -> summary.series().equals(report.latencySeries())
					&& !Double.isNaN(summary.latency().p50()));
		List<CategoryChart> charts = latencies ? List.of(throughput(report), latency(report))
				: List.of(throughput(report));
		try (OutputStream out = Files.newOutputStream(png)) {
			BitmapEncoder.saveBitmap(charts, 1, charts.size(), out, BitmapFormat.PNG);
		}
	}

	private static CategoryChart throughput(Report report) {
		String series = report.throughputSeries();
		List<Measurement> runs = report.measurements().stream().filter((m) -> m.series().equals(series)).toList();
		List<String> variants = runs.stream().map(Measurement::variant).distinct().toList();
		CategoryChart chart = new CategoryChartBuilder().width(WIDTH)
			.height(HEIGHT)
			.title("Throughput, " + series)
			.yAxisTitle("per second")
			.build();
		chart.getStyler().setLegendPosition(LegendPosition.OutsideS);
		chart.getStyler().setXAxisLabelRotation(30);
		chart.getStyler().setYAxisDecimalPattern("#,###");
		int rounds = runs.stream().mapToInt(Measurement::round).max().orElse(0);
		for (int round : IntStream.rangeClosed(1, rounds).toArray()) {
			List<Double> values = variants.stream()
				.map((variant) -> runs.stream()
					.filter((m) -> m.variant().equals(variant) && m.round() == round)
					.mapToDouble(Measurement::perSecond)
					.findFirst()
					.orElse(0))
				.toList();
			chart.addSeries("run " + round, variants, values);
		}
		return chart;
	}

	private static CategoryChart latency(Report report) {
		CategoryChart chart = new CategoryChartBuilder().width(WIDTH)
			.height(HEIGHT)
			.title("Latency, " + report.latencySeries())
			.yAxisTitle("ms (log scale)")
			.build();
		chart.getStyler().setLegendPosition(LegendPosition.OutsideS);
		chart.getStyler().setYAxisLogarithmic(true);
		double lowest = Double.MAX_VALUE;
		for (Report.Summary summary : report.summaries()) {
			Latency latency = summary.latency();
			if (!summary.series().equals(report.latencySeries()) || Double.isNaN(latency.p50())) {
				continue;
			}
			// A log axis cannot show zero: a sub-microsecond figure is drawn at 1 µs.
			List<Double> values = List.of(latency.p50(), latency.p99(), latency.p999(), latency.max())
				.stream()
				.map((ms) -> Math.max(ms, 0.001))
				.toList();
			chart.addSeries(summary.variant(), PERCENTILES, values);
			lowest = Math.min(lowest, values.get(0));
		}
		// Bars on a log axis need a floor above zero: the power of ten below the lowest,
		// strictly, or a lowest of exactly 10 ms would be a bar of no height.
		if (lowest < Double.MAX_VALUE) {
			chart.getStyler().setYAxisMin(Math.pow(10, Math.ceil(Math.log10(lowest)) - 1));
		}
		return chart;
	}

}
