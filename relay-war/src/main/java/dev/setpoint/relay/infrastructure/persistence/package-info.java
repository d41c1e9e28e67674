/** The edge buffer in MongoDB through Eclipse JNoSQL. */
package dev.setpoint.relay.infrastructure.persistence;
