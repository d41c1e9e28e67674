package dev.setpoint.device.edge;

import java.io.IOException;

/**
 * How the agent gets an operator's token, needed only to register its devices on first start: a
 * token given in the configuration, or a login with the operator's user and password.
 */
@FunctionalInterface
public interface OperatorToken {
  String get() throws IOException, InterruptedException;
}
