package io.eventsuite.benchmarks.harness;

import java.util.Locale;

/**
 * A target of the benchmark issue, judged on a report's summaries (the median of each
 * variant's runs).
 */
public sealed interface Target permits Target.Share, Target.Limit, Target.Multiple {

	/**
	 * The target's name.
	 * @return for example {@code target 1}
	 */
	String name();

	/**
	 * Judges the target.
	 * @param report what was measured
	 * @return met or not, in one line
	 */
	Verdict judge(Report report);

	/**
	 * The contender's median throughput is at least a share of the reference's, in the
	 * same series.
	 *
	 * @param name for example {@code target 1}
	 * @param series the series both are compared in
	 * @param contender the contender's variant
	 * @param reference the reference's variant
	 * @param minimumRatio the share the contender must reach, for example {@code 0.85}
	 */
	record Share(String name, String series, String contender, String reference,
			double minimumRatio) implements Target {

		/**
		 * The contender's median throughput over the reference's.
		 * @param report what was measured
		 * @return the ratio
		 */
		public double ratio(Report report) {
			return report.summary(this.series, this.contender).medianPerSecond()
					/ report.summary(this.series, this.reference).medianPerSecond();
		}

		@Override
		public Verdict judge(Report report) {
			double ratio = ratio(report);
			boolean met = ratio >= this.minimumRatio;
			String outcome = met ? "met"
					: String.format(Locale.ROOT, "missed by %.1f points", (this.minimumRatio - ratio) * 100);
			return new Verdict(met, String.format(Locale.ROOT, "%s: %s reaches %.1f%% of %s (target ≥ %.0f%%): %s",
					this.name, this.contender, ratio * 100, this.reference, this.minimumRatio * 100, outcome));
		}

	}

	/**
	 * A statistic of one variant's runs is within a fixed limit: at least the limit for
	 * throughput, at most for everything else.
	 *
	 * @param name for example {@code target 4}
	 * @param series the series
	 * @param variant the variant
	 * @param statistic what is held to the limit
	 * @param limit the limit, in the statistic's unit
	 */
	record Limit(String name, String series, String variant, Statistic statistic, double limit) implements Target {

		@Override
		public Verdict judge(Report report) {
			double value = this.statistic.of(report.summary(this.series, this.variant));
			boolean met = this.statistic.higherIsBetter() ? value >= this.limit : value <= this.limit;
			String outcome = met ? "met" : String.format(Locale.ROOT, "missed by %s %s",
					Statistic.format(Math.abs(value - this.limit)), this.statistic.unit());
			return new Verdict(met,
					String.format(Locale.ROOT, "%s: %s %s %s %s (target %s %s %s): %s", this.name, this.variant,
							this.statistic.label(), Statistic.format(value), this.statistic.unit(),
							this.statistic.higherIsBetter() ? "≥" : "≤", Statistic.format(this.limit),
							this.statistic.unit(), outcome));
		}

	}

	/**
	 * A lower-is-better statistic of the contender is at most a multiple of the
	 * reference's, in the same series.
	 *
	 * @param name for example {@code target 4}
	 * @param series the series both are compared in
	 * @param contender the contender's variant
	 * @param reference the reference's variant
	 * @param statistic a latency, duration or memory statistic
	 * @param maximumMultiple for example {@code 1.5}
	 */
	record Multiple(String name, String series, String contender, String reference, Statistic statistic,
			double maximumMultiple) implements Target {

		public Multiple {
			if (statistic.higherIsBetter()) {
				throw new IllegalArgumentException(statistic + " is higher-is-better; use Share");
			}
		}

		@Override
		public Verdict judge(Report report) {
			double contenderValue = this.statistic.of(report.summary(this.series, this.contender));
			double referenceValue = this.statistic.of(report.summary(this.series, this.reference));
			double multiple = contenderValue / referenceValue;
			boolean met = multiple <= this.maximumMultiple;
			String outcome = met ? "met"
					: String.format(Locale.ROOT, "missed by %.2f×", multiple - this.maximumMultiple);
			return new Verdict(met,
					String.format(Locale.ROOT, "%s: %s %s %s %s is %.2f× %s's %s %s (target ≤ %.2f×): %s", this.name,
							this.contender, this.statistic.label(), Statistic.format(contenderValue),
							this.statistic.unit(), multiple, this.reference, Statistic.format(referenceValue),
							this.statistic.unit(), this.maximumMultiple, outcome));
		}

	}

	/**
	 * A judged target.
	 *
	 * @param met whether it was reached
	 * @param text the verdict in one line, saying by how much a miss missed
	 */
	record Verdict(boolean met, String text) {
	}

}
