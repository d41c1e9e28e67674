package dev.setpoint.ingest.interfaces.rest;

/**
 * The body of a login at the local issuer.
 *
 * @param username the user's name
 * @param password the user's password
 */
public record LoginRequest(String username, String password) {

  /** Never prints the password. */
  @Override
  public String toString() {
    return "LoginRequest[username=" + username + "]";
  }
}
