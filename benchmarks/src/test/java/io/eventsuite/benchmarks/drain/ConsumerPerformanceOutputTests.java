package io.eventsuite.benchmarks.drain;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ConsumerPerformanceOutputTests {

	@Test
	void readsTheFetchFiguresWhichLeaveOutJoiningTheGroup() {
		ConsumerPerformanceOutput output = ConsumerPerformanceOutput.parse(List.of("02:18:40.001 INFO  AppInfoParser",
				"start.time, end.time, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec, "
						+ "rebalance.time.ms, fetch.time.ms, fetch.MB.sec, fetch.nMsg.sec",
				"2026-11-23 02:18:42:158, 2026-11-23 02:18:43:409, 7.6294, 6.0986, 20000, 15987.2102, 881, 370, "
						+ "20.6200, 54054.0541"));

		assertThat(output).isEqualTo(new ConsumerPerformanceOutput(20000, 0.37, 54054.0541, 0.881));
	}

	@Test
	void rejectsOutputWithoutASummary() {
		assertThatIllegalArgumentException().isThrownBy(() -> ConsumerPerformanceOutput
			.parse(List.of("WARN Exiting before consuming the expected number of records: timeout (60000 ms)")));
	}

}
