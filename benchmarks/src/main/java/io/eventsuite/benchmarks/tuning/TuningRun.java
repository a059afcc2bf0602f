package io.eventsuite.benchmarks.tuning;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.HdrHistogram.Recorder;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.eventsuite.benchmarks.harness.Latency;
import io.eventsuite.benchmarks.harness.Options;

/**
 * One group of cells (one payload, one {@code acks}) in a JVM of its own, in sequence, so
 * that the JVM's start and the JIT's warm-up are paid once per group and not per cell.
 * Each cell gets a fresh {@code KafkaProducer} per mode and a short warm-up of its own.
 * First every cell runs unthrottled, then every cell at the fixed rate, so that the
 * latencies are not taken while the broker still works off a saturating run. The results
 * go to a file, one line per cell and mode.
 */
public final class TuningRun {

	/** Distinct records per payload, sent in turn: more than a 256 KB batch holds. */
	static final int DISTINCT_RECORDS = 4096;

	private static final Logger log = LoggerFactory.getLogger(TuningRun.class);

	private final String bootstrapServers;

	private final List<ProducerRecord<byte[], byte[]>> records;

	private final int rate;

	private final Duration warmup;

	private final Duration window;

	private TuningRun(String bootstrapServers, List<ProducerRecord<byte[], byte[]>> records, int rate, Duration warmup,
			Duration window) {
		this.bootstrapServers = bootstrapServers;
		this.records = records;
		this.rate = rate;
		this.warmup = warmup;
		this.window = window;
	}

	/**
	 * Runs a group of cells.
	 * @param args {@code --payload=order|activity}, {@code --bootstrap=HOST:PORT},
	 * {@code --topic=NAME}, {@code --cells=acks:batch:linger:compression,…},
	 * {@code --rate=N} records/s of the rated mode, {@code --seconds=S} timed per cell
	 * and mode after {@code --warmup=S} untimed, {@code --jvm-warmup=S} unthrottled with
	 * the first cell before any cell, {@code --result=FILE}
	 */
	public static void main(String[] args) {
		Options options = Options.parse(args,
				Set.of("payload", "bootstrap", "topic", "cells", "rate", "seconds", "warmup", "jvm-warmup", "result"));
		Payload payload = Payload.of(options.required("payload"));
		List<Cell> cells = Arrays.stream(options.required("cells").split(",")).map(Cell::parse).toList();
		TuningRun run = new TuningRun(options.required("bootstrap"),
				payload.records(options.required("topic"), DISTINCT_RECORDS),
				Integer.parseInt(options.required("rate")), options.seconds("warmup", Duration.ZERO),
				options.seconds("seconds", Duration.ofSeconds(1)));
		log.info("{} distinct {} records ready", DISTINCT_RECORDS, payload.id());
		Duration jvmWarmup = options.seconds("jvm-warmup", Duration.ZERO);
		if (!jvmWarmup.isZero()) {
			run.unthrottled(cells.get(0), jvmWarmup, Duration.ZERO);
		}
		List<String> lines = new ArrayList<>();
		for (Cell cell : cells) {
			lines
				.add(run.report(run.unthrottled(cell, run.warmup, run.window).result(payload, cell, Mode.UNTHROTTLED)));
		}
		// The broker is still working off the requests of the last unthrottled cell: a
		// second at the fixed rate lets it settle before any latency counts.
		run.rated(cells.get(0), Duration.ofSeconds(1), Duration.ZERO);
		for (Cell cell : cells) {
			lines.add(run.report(run.rated(cell, run.warmup, run.window).result(payload, cell, Mode.RATED)));
		}
		try {
			Files.write(Path.of(options.required("result")), lines, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	// Sends as fast as send() returns. What counts is every delivery callback inside the
	// window after the warm-up: the producer's steady state, without the time its
	// buffer (32 MB by default) would take to drain at the end, which is why the
	// producer is closed at once and what is left in it is dropped.
	private Window unthrottled(Cell cell, Duration warmup, Duration window) {
		KafkaProducer<byte[], byte[]> producer = connected(cell);
		long windowStart = System.nanoTime() + warmup.toNanos();
		long windowEnd = windowStart + window.toNanos();
		Window measured = new Window(window.toNanos() / 1e9);
		try {
			long sent = System.nanoTime();
			for (long i = 0; sent < windowEnd; i++, sent = System.nanoTime()) {
				long sentAt = sent;
				producer.send(record(i), (metadata, failure) -> {
					long now = System.nanoTime();
					if (now >= windowStart && now <= windowEnd) {
						measured.record(now - sentAt, failure);
					}
				});
			}
		}
		finally {
			producer.close(Duration.ZERO);
		}
		return measured;
	}

	// Open-loop at the fixed rate: each record is timed from the moment the schedule says
	// it is due, so a send() that blocks charges its wait to every record due meanwhile.
	private Window rated(Cell cell, Duration warmup, Duration window) {
		double interval = TimeUnit.SECONDS.toNanos(1) / (double) this.rate;
		long warmupRecords = Math.round(warmup.toNanos() / interval);
		long total = warmupRecords + Math.round(window.toNanos() / interval);
		try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(cell.producerConfig(this.bootstrapServers))) {
			long start = System.nanoTime();
			long timedStart = start + Math.round(warmupRecords * interval);
			Window measured = new Window(0);
			for (long i = 0; i < total; i++) {
				long due = start + Math.round(i * interval);
				long wait = due - System.nanoTime();
				if (wait > 0) {
					LockSupport.parkNanos(wait);
				}
				boolean timed = i >= warmupRecords;
				producer.send(record(i), (metadata, failure) -> {
					if (timed) {
						measured.record(System.nanoTime() - due, failure);
					}
				});
			}
			producer.flush();
			return measured.lasting((System.nanoTime() - timedStart) / 1e9);
		}
	}

	// A new producer first fetches the topic's metadata and connects to the broker, which
	// takes a cold JVM longer than a short window: one record, delivered before the
	// clock starts, does that.
	private KafkaProducer<byte[], byte[]> connected(Cell cell) {
		KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(cell.producerConfig(this.bootstrapServers));
		try {
			producer.send(record(0)).get(30, TimeUnit.SECONDS);
			return producer;
		}
		catch (InterruptedException ex) {
			producer.close(Duration.ZERO);
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			producer.close(Duration.ZERO);
			throw new IllegalStateException("The producer of " + cell.label() + " could not send", ex);
		}
	}

	private String report(CellResult result) {
		log.info("{}", result);
		return result.line();
	}

	private ProducerRecord<byte[], byte[]> record(long sequence) {
		return this.records.get((int) (sequence % this.records.size()));
	}

	/**
	 * What the delivery callbacks of one measurement saw; written by the producer's I/O
	 * thread.
	 */
	private static final class Window {

		private final Recorder latencies = new Recorder(3);

		private final AtomicLong delivered = new AtomicLong();

		private final AtomicLong errors = new AtomicLong();

		private volatile double seconds;

		Window(double seconds) {
			this.seconds = seconds;
		}

		void record(long nanos, Exception failure) {
			if (failure != null) {
				this.errors.incrementAndGet();
				return;
			}
			this.delivered.incrementAndGet();
			this.latencies.recordValue(Math.max(0, nanos / 1000));
		}

		Window lasting(double seconds) {
			this.seconds = seconds;
			return this;
		}

		CellResult result(Payload payload, Cell cell, Mode mode) {
			return new CellResult(payload, cell, mode, this.delivered.get(), this.errors.get(), this.seconds,
					Latency.ofMicros(this.latencies.getIntervalHistogram()));
		}

	}

}
