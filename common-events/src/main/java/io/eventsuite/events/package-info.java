/**
 * The eventsuite event contract: one sealed interface per topic, the topics themselves
 * and their keys. Every service depends on this package and nothing else of the others.
 */
package io.eventsuite.events;
