/** Ports of the ingest side, named for the domain; adapters live in {@code infrastructure}. */
package dev.setpoint.ingest.domain;
