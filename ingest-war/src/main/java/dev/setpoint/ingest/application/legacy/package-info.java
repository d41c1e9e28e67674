/**
 * The EdgeX v1 API of the report's device script, translated onto the v3 domain: value descriptors
 * become a generated device profile, v1 events the same validated, stored events as v3 ones. The
 * services take the v1 bodies as records, read by {@code interfaces.rest.json.LegacyJson}: lenient
 * where that script differs from EdgeX, strict on what is stored.
 */
package dev.setpoint.ingest.application.legacy;
