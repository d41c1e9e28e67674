/**
 * The security suite: each test is one attack on the EAR test server of {@code ./setpoint test}, as
 * someone on the hub's LAN would try it, and the server's answer to it (issue 19).
 */
package dev.setpoint.it.security;
