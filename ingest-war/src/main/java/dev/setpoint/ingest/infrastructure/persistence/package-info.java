/**
 * Ingest's ports in MongoDB: the edge buffer (events, written in batches, and its indexes), Core
 * Metadata, the latest commands and the read-only command-target view the relay reads, device
 * tokens, the v1 registry and the latest readings; through Eclipse JNoSQL, and the MongoDB driver
 * where an atomic or batched write needs it.
 */
package dev.setpoint.ingest.infrastructure.persistence;
