/**
 * The HTTP API of activity telemetry: validation, batch bounds, status codes and response
 * bodies.
 */
package io.eventsuite.activity.api;
