package io.eventsuite.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.eventsuite.test.KafkaCluster;
import io.eventsuite.test.ServiceProcess;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The delivery guarantee of each {@code acks} setting, measured: orders are placed under
 * load while the leader of an {@code orders} partition is killed, and every order
 * answered {@code 202} is looked for in the topic. The table is logged and written to
 * {@code target/delivery-matrix.md}; {@code acks=all} must lose and duplicate nothing.
 */
class DeliveryMatrixSystemIntegrationTests {

	private static final Logger log = LoggerFactory.getLogger(DeliveryMatrixSystemIntegrationTests.class);

	private static KafkaCluster cluster;

	@BeforeAll
	static void startCluster() {
		cluster = KafkaCluster.start(3);
	}

	@AfterAll
	static void stopCluster() {
		if (cluster != null) {
			cluster.close();
		}
	}

	@Test
	void acksAllLosesNothingThroughALeaderKillAndTheOthersAreMeasured() throws IOException {
		List<Row> rows = new ArrayList<>();
		for (String acks : List.of("0", "1", "all")) {
			rows.add(measure(acks));
		}

		String table = table(rows);
		log.info("Delivery through a leader kill:\n{}", table);
		Files.writeString(Path.of(System.getProperty("eventsuite.logs")).getParent().resolve("delivery-matrix.md"),
				table);
		Row all = rows.get(2);
		assertThat(all.lost()).as(table).isZero();
		assertThat(all.duplicated()).as(table).isZero();
		assertThat(rows).allSatisfy((row) -> assertThat(row.accepted()).as(table).isGreaterThan(0));
	}

	private Row measure(String acks) {
		Set<String> accepted;
		String outcomes;
		try (ServiceProcess orderService = ServiceProcess.start("order-service", cluster.bootstrapServers(),
				"--spring.kafka.producer.acks=" + acks, "--eventsuite.topics.orders.replicas=3",
				"--eventsuite.topics.orders.config.min.insync.replicas=2");
				OrderLoad load = OrderLoad.start(orderService.client(), 4)) {
			load.awaitMoreAccepted(200);
			int leader = cluster.leaderOf("orders", 0);
			cluster.kill(leader);
			load.awaitMoreAccepted(200);
			load.stop();
			accepted = load.accepted();
			outcomes = load.outcomes().toString();
			cluster.restart(leader);
			cluster.awaitNodes(3);
		}
		try (Ledger ledger = new Ledger(cluster.bootstrapServers()).awaitPlaced(accepted, Duration.ofSeconds(30))) {
			int lost = (int) accepted.stream().filter((id) -> ledger.placedRecordsOf(id) == 0).count();
			int duplicated = (int) accepted.stream().filter((id) -> ledger.placedRecordsOf(id) > 1).count();
			return new Row(acks, accepted.size(), lost, duplicated, outcomes);
		}
	}

	private static String table(List<Row> rows) {
		StringBuilder table = new StringBuilder(
				"| acks | accepted (202) | lost | duplicated | all responses |\n|---|---|---|---|---|\n");
		for (Row row : rows) {
			table.append("| ")
				.append(row.acks())
				.append(" | ")
				.append(row.accepted())
				.append(" | ")
				.append(row.lost())
				.append(" | ")
				.append(row.duplicated())
				.append(" | ")
				.append(row.outcomes())
				.append(" |\n");
		}
		return table.toString();
	}

	/**
	 * One measured setting.
	 *
	 * @param acks the producer's acks
	 * @param accepted orders answered {@code 202}
	 * @param lost accepted orders not in the topic
	 * @param duplicated accepted orders in the topic more than once
	 * @param outcomes every response, by status
	 */
	private record Row(String acks, int accepted, int lost, int duplicated, String outcomes) {
	}

}
