package dev.setpoint.device;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * What the agents hold open (the Pi4J context, sensors, actuators, meters, journals), closed in the
 * reverse order of opening: the context last, after the parts that use it.
 */
final class Resources implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(Agents.class.getName());

  private final List<AutoCloseable> opened = new ArrayList<>();

  synchronized <T extends AutoCloseable> T add(T resource) {
    opened.add(resource);
    return resource;
  }

  @Override
  public synchronized void close() {
    for (AutoCloseable r : opened.reversed()) {
      try {
        r.close();
      } catch (Exception e) {
        LOG.warning("closing " + r + ": " + e);
      }
    }
    opened.clear();
  }
}
