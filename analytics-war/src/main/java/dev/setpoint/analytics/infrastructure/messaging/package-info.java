/** Kafka through MicroProfile Reactive Messaging and Liberty's liberty-kafka connector. */
package dev.setpoint.analytics.infrastructure.messaging;
