package io.eventsuite.support.streams;

import java.util.Map;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Options;

import static org.assertj.core.api.Assertions.assertThat;

@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BoundedRocksDbMemoryTests {

	// First, as in a service: Kafka Streams makes the setter before any RocksDB object
	// exists, so the class must load RocksDB's native library itself.
	@Test
	@Order(1)
	void canBeMadeBeforeAnyRocksDbObject() {
		assertThat(new BoundedRocksDbMemory()).isNotNull();
	}

	@Test
	void everyStoreCountsIndexesFiltersAndMemtablesAgainstTheOneSharedBudget() {
		try (Options first = new Options(); Options second = new Options()) {
			new BoundedRocksDbMemory().setConfig("order-view", first, Map.of());
			new BoundedRocksDbMemory().setConfig("customer-orders", second, Map.of());

			for (Options options : new Options[] { first, second }) {
				BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
				assertThat(table.cacheIndexAndFilterBlocks()).isTrue();
				assertThat(table.pinTopLevelIndexAndFilter()).isTrue();
				assertThat(options.maxWriteBufferNumber()).isEqualTo(2);
				assertThat(options.writeBufferSize()).isEqualTo(BoundedRocksDbMemory.MEMTABLE_BYTES / 4);
			}
		}
	}

	@Test
	void theServicesUseIt() {
		assertThat(SharedDefaults.read().getProperty("spring.kafka.streams.properties.rocksdb.config.setter"))
			.isEqualTo(BoundedRocksDbMemory.class.getName());
	}

}
