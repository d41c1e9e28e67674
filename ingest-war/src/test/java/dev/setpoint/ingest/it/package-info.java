/** Integration tests: the built WAR on Open Liberty (Arquillian) against the real MongoDB. */
package dev.setpoint.ingest.it;
