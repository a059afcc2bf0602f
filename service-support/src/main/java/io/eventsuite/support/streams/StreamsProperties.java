package io.eventsuite.support.streams;

import java.time.Duration;

import jakarta.validation.constraints.PositiveOrZero;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the instances of a Kafka Streams service find and ask each other, for example
 * {@code eventsuite.streams.advertised-host=10.0.3.7}.
 *
 * @param advertisedHost the host other instances reach this one at; with the HTTP port it
 * becomes Kafka Streams' {@code application.server}. In Kubernetes, the pod IP.
 * @param readYourWritesTimeout the longest a read waits for a view to catch up with its
 * input topic before answering {@code 503}
 * @param forwardTimeout the longest a read waits for the instance that hosts the key
 * @param deadLetterReplicas replicas of the application's dead-letter topic
 * ({@code errors.dead.letter.queue.topic.name}), declared at start-up
 * @param internalToken when set, instances present it to each other on
 * {@code /internal/state} and refuse a request without it ({@code 403}); give every
 * instance of a service the same secret
 * @param forwardingReads the most reads of this instance that wait for other instances at
 * once; a read beyond them that needs another instance answers {@code 503} at once. Keep
 * it well below the server's request threads ({@code server.tomcat.threads.max}, 64): the
 * others serve the other instances' {@code /internal/state}, so two instances asking each
 * other can never hold all of each other's threads; {@code 0} answers every such read
 * {@code 503}
 */
@ConfigurationProperties("eventsuite.streams")
@Validated
public record StreamsProperties(@DefaultValue("localhost") String advertisedHost,
		@DefaultValue("1s") Duration readYourWritesTimeout, @DefaultValue("2s") Duration forwardTimeout,
		@DefaultValue("1") short deadLetterReplicas, String internalToken,
		@DefaultValue("32") @PositiveOrZero int forwardingReads) {
}
