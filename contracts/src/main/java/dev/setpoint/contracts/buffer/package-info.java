/**
 * What ingest and the relay share in MongoDB: the edge buffer's stored event (written by ingest
 * with state {@code PENDING}, read and marked {@code FORWARDED} by the relay) and the latest
 * command per device resource (written by an operator through ingest or by the relay for a
 * recommendation, read by the device through Core Command). Both sides map the same collections
 * through these types.
 */
package dev.setpoint.contracts.buffer;
