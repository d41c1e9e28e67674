/** Use cases of ingest: turning an EdgeX request into a validated, stored event. */
package dev.setpoint.ingest.application;
