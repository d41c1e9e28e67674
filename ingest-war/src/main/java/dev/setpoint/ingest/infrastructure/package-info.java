/** Adapters of ingest's ports to real technology, and its health checks. */
package dev.setpoint.ingest.infrastructure;
