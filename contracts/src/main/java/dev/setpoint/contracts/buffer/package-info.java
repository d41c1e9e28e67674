/**
 * The edge buffer's stored event: written by ingest with state {@code PENDING}, read and marked
 * {@code FORWARDED} by the relay. The one hand-off from ingest to the relay through MongoDB; what
 * the relay needs of a device (its site, each reading's value type) is carried inside the event, so
 * the relay never reads ingest's metadata. The layout belongs to the edge-outage work.
 */
package dev.setpoint.contracts.buffer;
