package dev.setpoint.ingest.interfaces.rest;

/**
 * The body of an operator login.
 *
 * @param username the operator's user name
 * @param password the operator's password
 */
public record LoginRequest(String username, String password) {

  /** Never prints the password. */
  @Override
  public String toString() {
    return "LoginRequest[username=" + username + "]";
  }
}
