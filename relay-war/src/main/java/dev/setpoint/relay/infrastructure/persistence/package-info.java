/**
 * The relay's MongoDB: the edge buffer's pending events, the latest commands (written with
 * contracts' one upsert), the command-target view ingest publishes and the edge outbox, through
 * Eclipse JNoSQL and the MongoDB driver.
 */
package dev.setpoint.relay.infrastructure.persistence;
