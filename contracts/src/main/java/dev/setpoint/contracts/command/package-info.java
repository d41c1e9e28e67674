/**
 * The latest command per device resource, and the one rule by which every writer stores it.
 *
 * <p>Two writers share the {@code commands} collection: ingest (an operator's Core Command {@code
 * PUT}) and the relay (a recommendation from the cloud). Both check the value with {@link
 * dev.setpoint.contracts.edgex.CommandRules} and store it through {@link CommandUpsert}: one atomic
 * upsert whose filter encodes the ordering rule, with the field names of {@link StoredCommand}
 * written once. Ingest reads the collection to serve Core Command. To check a command, the relay
 * reads {@link CommandTarget}, a read-only view ingest publishes of each device's lock and writable
 * resources, never ingest's device or profile collections.
 */
package dev.setpoint.contracts.command;
