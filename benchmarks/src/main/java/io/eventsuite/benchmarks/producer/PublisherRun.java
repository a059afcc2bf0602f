package io.eventsuite.benchmarks.producer;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.HdrHistogram.Recorder;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

import io.eventsuite.benchmarks.harness.Latency;
import io.eventsuite.benchmarks.harness.Measurement;
import io.eventsuite.benchmarks.harness.Options;
import io.eventsuite.benchmarks.harness.Role;
import io.eventsuite.events.Topics;
import io.eventsuite.events.wire.CloudEvent;
import io.eventsuite.events.wire.CloudEventSerializer;
import io.eventsuite.support.kafka.EventPublisher;
import io.eventsuite.support.kafka.EventTopics;
import io.eventsuite.support.kafka.TopicsProperties;

/**
 * The contender's side of the producer benchmark, in a JVM of its own like
 * {@code ProducerPerformance}: sends as fast as the producer takes records, times each
 * from before the send to its delivery callback, and writes what it measured to a
 * properties file.
 * <p>
 * {@code event-publisher} is the suite's own path, as order-service runs it:
 * {@code EventPublisher} over a {@code KafkaTemplate} with the CloudEvents serializer, an
 * {@code OrderPlaced} per record keyed by order id. {@code template-bytes} is the same
 * {@code KafkaTemplate} sending a ready byte array without key or headers, as
 * {@code ProducerPerformance} does: the step between the two.
 */
public final class PublisherRun {

	static final String EVENT_PUBLISHER = "event-publisher";

	static final String TEMPLATE_BYTES = "template-bytes";

	private static final Duration PUBLISH_TIMEOUT = Duration.ofSeconds(10);

	private final Recorder latencies = new Recorder(3);

	private final AtomicLong errors = new AtomicLong();

	private final int warmupRecords;

	private final int threads;

	private PublisherRun(int warmupRecords, int threads) {
		this.warmupRecords = warmupRecords;
		this.threads = threads;
	}

	/**
	 * Runs one measurement.
	 * @param args {@code --mode=event-publisher|template-bytes},
	 * {@code --producer-config=FILE}, {@code --topic=NAME}, {@code --records=N} timed
	 * after {@code --warmup-records=N} untimed, {@code --record-size=BYTES}
	 * (template-bytes), {@code --threads=N} sending the timed records at once through the
	 * one template (1, as {@code ProducerPerformance} sends), {@code --result=FILE}
	 */
	public static void main(String[] args) {
		Options options = Options.parse(args, Set.of("mode", "producer-config", "topic", "records", "warmup-records",
				"record-size", "threads", "result"));
		Map<String, Object> config = ProducerSettings.read(Path.of(options.required("producer-config")));
		String topic = options.required("topic");
		int records = Integer.parseInt(options.required("records"));
		String mode = options.required("mode");
		int threads = options.intValue("threads", 1);
		if (threads < 1) {
			throw new IllegalArgumentException("--threads must be at least 1: " + threads);
		}
		PublisherRun run = new PublisherRun(options.intValue("warmup-records", 0), threads);
		Result result = switch (mode) {
			case EVENT_PUBLISHER -> run.eventPublisher(config, topic, records);
			case TEMPLATE_BYTES -> run.templateBytes(config, topic, records, options.intValue("record-size", 0));
			default -> throw new IllegalArgumentException("Unknown --mode " + mode);
		};
		result.write(Path.of(options.required("result")));
	}

	private Result eventPublisher(Map<String, Object> config, String topic, int records) {
		DefaultKafkaProducerFactory<String, CloudEvent<?>> factory = new DefaultKafkaProducerFactory<>(config,
				new StringSerializer(), new CloudEventSerializer());
		EventTopics topics = new EventTopics(new TopicsProperties(
				Map.of(Topics.ORDERS.defaultName(), new TopicsProperties.Topic(topic, 6, (short) 1, Map.of()))));
		EventPublisher publisher = new EventPublisher(new KafkaTemplate<>(factory), topics, OrderEvents.SOURCE,
				PUBLISH_TIMEOUT);
		try {
			return measure(records, (sequence) -> publisher.publish(Topics.ORDERS, OrderEvents.next(sequence)));
		}
		finally {
			factory.destroy();
		}
	}

	private Result templateBytes(Map<String, Object> config, String topic, int records, int recordSize) {
		DefaultKafkaProducerFactory<byte[], byte[]> factory = new DefaultKafkaProducerFactory<>(config,
				new ByteArraySerializer(), new ByteArraySerializer());
		KafkaTemplate<byte[], byte[]> template = new KafkaTemplate<>(factory);
		byte[] payload = new byte[recordSize];
		Random random = new Random(0);
		for (int i = 0; i < payload.length; i++) {
			payload[i] = (byte) ('A' + random.nextInt(26));
		}
		try {
			return measure(records, (sequence) -> template.send(topic, payload));
		}
		finally {
			factory.destroy();
		}
	}

	// Like ProducerPerformance with --warmup-records: the warm-up records are sent first
	// and the clock starts with the first timed send, without waiting for their
	// acknowledgements. With more than one thread, each sends its share of the timed
	// records, as a service's request threads share its one producer.
	private Result measure(int records, Send send) {
		CountDownLatch delivered = new CountDownLatch(this.warmupRecords + records);
		for (long sequence = 0; sequence < this.warmupRecords; sequence++) {
			send.send(sequence).whenComplete((result, failure) -> delivered.countDown());
		}
		CountDownLatch go = new CountDownLatch(1);
		AtomicReference<Throwable> senderFailure = new AtomicReference<>();
		List<Thread> senders = new ArrayList<>();
		for (int thread = 0; thread < this.threads; thread++) {
			long from = this.warmupRecords + (long) records * thread / this.threads;
			long to = this.warmupRecords + (long) records * (thread + 1) / this.threads;
			Thread sender = new Thread(() -> {
				try {
					awaitUninterruptibly(go);
					sendTimed(from, to, send, delivered);
				}
				catch (Throwable ex) {
					// Ends the run at once: its records would otherwise be waited for.
					senderFailure.compareAndSet(null, ex);
				}
			}, "sender-" + thread);
			sender.start();
			senders.add(sender);
		}
		long start = System.nanoTime();
		go.countDown();
		try {
			for (Thread sender : senders) {
				sender.join();
			}
			if (senderFailure.get() != null) {
				throw new IllegalStateException("A sending thread failed", senderFailure.get());
			}
			if (!delivered.await(5, TimeUnit.MINUTES)) {
				throw new IllegalStateException(delivered.getCount() + " records were never acknowledged");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		long ok = records - this.errors.get();
		return new Result(ok, this.errors.get(), seconds, Latency.ofMicros(this.latencies.getIntervalHistogram()));
	}

	private void sendTimed(long from, long to, Send send, CountDownLatch delivered) {
		for (long sequence = from; sequence < to; sequence++) {
			long sent = System.nanoTime();
			send.send(sequence).whenComplete((result, failure) -> {
				this.latencies.recordValue((System.nanoTime() - sent) / 1000);
				if (failure != null) {
					this.errors.incrementAndGet();
				}
				delivered.countDown();
			});
		}
	}

	private static void awaitUninterruptibly(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	@FunctionalInterface
	private interface Send {

		CompletableFuture<?> send(long sequence);

	}

	/**
	 * What one run measured.
	 *
	 * @param records acknowledged records
	 * @param errors failed records
	 * @param seconds from the first send to the last acknowledgement
	 * @param latency send to acknowledgement
	 */
	record Result(long records, long errors, double seconds, Latency latency) {

		double perSecond() {
			return this.records / this.seconds;
		}

		Measurement as(String variant, Role role, int round) {
			return new Measurement(ProducerBenchmark.SERIES, variant, role, round, this.records, this.errors,
					this.seconds, perSecond(), this.latency);
		}

		void write(Path file) {
			Properties properties = new Properties();
			properties.setProperty("records", String.valueOf(this.records));
			properties.setProperty("errors", String.valueOf(this.errors));
			properties.setProperty("seconds", String.valueOf(this.seconds));
			properties.setProperty("p50", String.valueOf(this.latency.p50()));
			properties.setProperty("p99", String.valueOf(this.latency.p99()));
			properties.setProperty("p999", String.valueOf(this.latency.p999()));
			properties.setProperty("max", String.valueOf(this.latency.max()));
			try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
				properties.store(writer, null);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		static Result read(Path file) {
			Properties properties = new Properties();
			try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
				properties.load(reader);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			return new Result(Long.parseLong(properties.getProperty("records")),
					Long.parseLong(properties.getProperty("errors")),
					Double.parseDouble(properties.getProperty("seconds")),
					new Latency(Double.parseDouble(properties.getProperty("p50")),
							Double.parseDouble(properties.getProperty("p99")),
							Double.parseDouble(properties.getProperty("p999")),
							Double.parseDouble(properties.getProperty("max"))));
		}

	}

}
