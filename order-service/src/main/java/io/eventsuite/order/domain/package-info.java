/**
 * What placing and cancelling an order means, independent of HTTP: ids, totals and
 * idempotent retries.
 */
package io.eventsuite.order.domain;
