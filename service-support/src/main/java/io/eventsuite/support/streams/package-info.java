/**
 * What every Kafka Streams application of the suite shares: serdes for the wire format,
 * interactive queries that any instance answers (locally or by asking the instance that
 * hosts the key), read-your-writes for views of a topic, and readiness on the
 * application's state.
 */
package io.eventsuite.support.streams;
