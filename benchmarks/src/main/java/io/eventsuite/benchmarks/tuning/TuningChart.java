package io.eventsuite.benchmarks.tuning;

import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.BitmapEncoder.BitmapFormat;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

import io.eventsuite.benchmarks.harness.Report;

/**
 * The matrix as one scatter chart per payload: each cell a point at its maximum
 * throughput (x) and its p99 at the fixed rate (y, log scale), coloured by {@code acks};
 * the profiles the services ship with drawn apart, so that one sees what they give up and
 * what they gain.
 */
final class TuningChart {

	private static final int WIDTH = 640;

	private static final int HEIGHT = 520;

	// A log axis cannot show zero: a figure under a microsecond is drawn at one.
	private static final double FLOOR_MS = 0.001;

	private static final List<Color> ACKS_COLORS = List.of(new Color(0x9e9e9e), new Color(0x1f77b4),
			new Color(0x2ca02c));

	private TuningChart() {
	}

	static void write(Report report, Grid grid, int rate, Path png) throws IOException {
		// Drawn off-screen: no display needed, on a server or in CI.
		System.setProperty("java.awt.headless", "true");
		List<XYChart> charts = grid.payloads().stream().map((payload) -> chart(report, grid, rate, payload)).toList();
		try (OutputStream out = Files.newOutputStream(png)) {
			BitmapEncoder.saveBitmap(charts, 1, charts.size(), out, BitmapFormat.PNG);
		}
	}

	private static XYChart chart(Report report, Grid grid, int rate, Payload payload) {
		XYChart chart = new XYChartBuilder().width(WIDTH)
			.height(HEIGHT)
			.title(String.format(Locale.ROOT, "%s payload: max throughput and p99 at %,d/s", payload.id(), rate))
			.xAxisTitle("max throughput, records/s")
			.yAxisTitle("p99 ms at the fixed rate (log scale)")
			.build();
		chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
		chart.getStyler().setLegendPosition(LegendPosition.OutsideS);
		chart.getStyler().setYAxisLogarithmic(true);
		chart.getStyler().setXAxisDecimalPattern("#,###");
		chart.getStyler().setYAxisDecimalPattern("#,##0.#");
		chart.getStyler().setMarkerSize(9);
		for (String ack : grid.acks()) {
			List<Cell> cells = grid.cells(ack).stream().filter((cell) -> !isShipped(cell)).toList();
			String name = "acks=" + ack + (ack.equals("0") ? " (p99 without broker answer)" : "");
			add(chart, name, points(report, rate, payload, cells), SeriesMarkers.CIRCLE,
					ACKS_COLORS.get(Cell.ACKS.indexOf(ack)));
		}
		for (Payload service : Payload.values()) {
			Cell shipped = service.shipped();
			String name = service.service() + ((service == payload) ? " ships " : "'s profile ") + shipped.label();
			add(chart, name, points(report, rate, payload, List.of(shipped)),
					(service == payload) ? SeriesMarkers.DIAMOND : SeriesMarkers.SQUARE,
					(service == payload) ? Color.RED : Color.ORANGE);
		}
		return chart;
	}

	private static boolean isShipped(Cell cell) {
		return List.of(Payload.values()).stream().anyMatch((payload) -> payload.shipped().equals(cell));
	}

	private static List<double[]> points(Report report, int rate, Payload payload, List<Cell> cells) {
		List<double[]> points = new ArrayList<>();
		for (Cell cell : cells) {
			Optional<Report.Summary> throughput = Mode.UNTHROTTLED.summary(report, payload, rate, cell);
			Optional<Report.Summary> latency = Mode.RATED.summary(report, payload, rate, cell);
			if (throughput.isPresent() && latency.isPresent() && !Double.isNaN(latency.get().latency().p99())) {
				points.add(new double[] { throughput.get().medianPerSecond(),
						Math.max(latency.get().latency().p99(), FLOOR_MS) });
			}
		}
		return points;
	}

	private static void add(XYChart chart, String name, List<double[]> points, Marker marker, Color color) {
		if (points.isEmpty()) {
			return;
		}
		XYSeries series = chart.addSeries(name, points.stream().mapToDouble((p) -> p[0]).toArray(),
				points.stream().mapToDouble((p) -> p[1]).toArray());
		series.setMarker(marker);
		series.setMarkerColor(color);
	}

}
