/**
 * Enrolment: how a device trades the single-use code an operator made for it for its own bearer
 * token, so that no operator credential is ever stored on a device.
 */
package dev.setpoint.contracts.enrolment;
