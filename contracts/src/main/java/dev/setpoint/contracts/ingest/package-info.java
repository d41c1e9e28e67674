/**
 * Documents that only ingest stores, kept in this jar for a technical reason: in the EAR, JNoSQL
 * registers entities by scanning the application's class path (the EAR's {@code lib/}), not a WAR's
 * classes. An entity inside ingest's WAR can be written there but not read back (JNoSQL looks
 * entities up by collection name when reading: {@code ClassInformationNotFoundException}).
 */
package dev.setpoint.contracts.ingest;
