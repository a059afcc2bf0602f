package io.eventsuite.benchmarks.startup;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PeakRssTests {

	@Test
	void readsTheHighWaterMarkNotTheCurrentResidentSize() {
		List<String> status = List.of("Name:\tjava", "VmPeak:\t 4194304 kB", "VmHWM:\t  307200 kB",
				"VmRSS:\t  204800 kB");

		assertThat(PeakRss.megabytes(status)).isEqualTo(300.0);
	}

	@Test
	void readsThisProcess() {
		assertThat(PeakRss.megabytes(ProcessHandle.current().pid())).isPositive();
	}

	@Test
	void refusesStatusWithoutHighWaterMark() {
		assertThatIllegalArgumentException().isThrownBy(() -> PeakRss.megabytes(List.of("VmRSS:\t 1 kB")));
	}

}
