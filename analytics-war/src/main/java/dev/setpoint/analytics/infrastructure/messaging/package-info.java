/**
 * Kafka through MicroProfile Reactive Messaging and Liberty's liberty-kafka connector. The
 * telemetry consumer decodes each payload with contracts' {@code TelemetryCodec} (and skips what
 * cannot be decoded) before handing the record to the application's recorder; the command publisher
 * encodes the recommender's commands; the audit consumer stores the edge's audit records.
 */
package dev.setpoint.analytics.infrastructure.messaging;
