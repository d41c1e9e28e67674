/** How the outside world reaches ingest. */
package dev.setpoint.ingest.interfaces;
