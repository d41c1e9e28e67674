/**
 * The edge buffer's stored event: written by ingest with state {@code PENDING}, read and marked
 * {@code FORWARDED} by the relay. Both sides map the same MongoDB collection through this type.
 */
package dev.setpoint.contracts.buffer;
