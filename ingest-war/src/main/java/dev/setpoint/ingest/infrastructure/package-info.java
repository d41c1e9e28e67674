/**
 * Adapters of ingest's ports to real technology (MongoDB), the local operator issuer ({@code
 * security}) and its health checks.
 */
package dev.setpoint.ingest.infrastructure;
