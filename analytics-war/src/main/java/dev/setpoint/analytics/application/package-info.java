/**
 * Use cases of analytics: recording telemetry in the time-series store, recommending setpoints (for
 * the devices in scope), and the operators' reads of the history ({@code history}). They take
 * decoded {@link dev.setpoint.contracts.telemetry.TelemetryMessage} records: decoding the Kafka
 * payload is the messaging adapter's ({@code infrastructure.messaging}), so nothing here sees JSON.
 */
package dev.setpoint.analytics.application;
