package dev.setpoint.analytics.infrastructure;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs one round of a periodic task so that a failure is logged and the schedule goes on: a task
 * that throws out of a scheduled executor is never run again.
 */
public final class Guarded {
  private static final Logger LOG = Logger.getLogger(Guarded.class.getName());

  private Guarded() {}

  /** Runs {@code task}, logging what failed as {@code what}. */
  public static void run(String what, Runnable task) {
    try {
      task.run();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, what + " failed", e);
    }
  }
}
