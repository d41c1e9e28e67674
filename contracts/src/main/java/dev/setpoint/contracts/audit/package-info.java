/** The audit trail's record, the one shape every WAR writes and the cloud stores and serves. */
package dev.setpoint.contracts.audit;
