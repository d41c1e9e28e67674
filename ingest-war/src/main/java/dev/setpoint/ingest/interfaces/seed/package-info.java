/**
 * The metadata Setpoint ships in its WAR (device profiles in YAML, device services in JSON),
 * decoded with the same readers as the REST API and handed to the application's seeder as records.
 */
package dev.setpoint.ingest.interfaces.seed;
