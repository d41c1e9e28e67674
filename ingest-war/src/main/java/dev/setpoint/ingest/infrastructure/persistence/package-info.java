/** The edge buffer in MongoDB through Eclipse JNoSQL. */
package dev.setpoint.ingest.infrastructure.persistence;
