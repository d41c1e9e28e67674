/** Who may do what: the roles every WAR enforces, and how a JWT's groups map onto them. */
package dev.setpoint.contracts.security;
