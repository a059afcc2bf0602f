package io.eventsuite.support.streams;

import java.util.Map;

import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.WriteBufferManager;

/**
 * One memory budget for every RocksDB store of the process, as Kafka Streams' memory
 * management guide describes: a single block cache that also counts the memtables
 * (through a write buffer manager) and the index and filter blocks. Without it each store
 * partition gets its own 50 MB block cache and up to three 16 MB memtables, outside the
 * Java heap: an order-service with its four stores over six partitions reached a peak RSS
 * of 507 MB in the start-up benchmark.
 */
public class BoundedRocksDbMemory implements RocksDBConfigSetter {

	/** The whole process's RocksDB budget: block cache and memtables together. */
	static final long TOTAL_BYTES = 32L * 1024 * 1024;

	/** The share of the budget the memtables may take. */
	static final long MEMTABLE_BYTES = 8L * 1024 * 1024;

	static {
		// Kafka Streams creates this setter before any RocksDB object, so the native
		// library may not be loaded yet when the shared cache below is made.
		RocksDB.loadLibrary();
	}

	// Shared by every store of the process: that is the point.
	private static final Cache CACHE = new LRUCache(TOTAL_BYTES, -1, false, 0.1);

	private static final WriteBufferManager WRITE_BUFFERS = new WriteBufferManager(MEMTABLE_BYTES, CACHE);

	@Override
	public void setConfig(String storeName, Options options, Map<String, Object> configs) {
		// Kafka Streams hands over its own table configuration; keep it, with the shared
		// cache.
		BlockBasedTableConfig table = (options.tableFormatConfig() instanceof BlockBasedTableConfig streams) ? streams
				: new BlockBasedTableConfig();
		table.setBlockCache(CACHE);
		table.setCacheIndexAndFilterBlocks(true);
		table.setCacheIndexAndFilterBlocksWithHighPriority(true);
		table.setPinTopLevelIndexAndFilter(true);
		options.setWriteBufferManager(WRITE_BUFFERS);
		options.setTableFormatConfig(table);
		options.setMaxWriteBufferNumber(2);
		options.setWriteBufferSize(MEMTABLE_BYTES / 4);
	}

	@Override
	public void close(String storeName, Options options) {
		// The cache and the write buffer manager are shared and live as long as the
		// process.
	}

}
