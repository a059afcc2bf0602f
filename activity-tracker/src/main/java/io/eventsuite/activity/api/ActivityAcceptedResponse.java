package io.eventsuite.activity.api;

/**
 * The body of a {@code 202 Accepted}.
 *
 * @param accepted how many events were handed to the producer; buffered, not yet
 * confirmed by the broker
 */
record ActivityAcceptedResponse(int accepted) {
}
