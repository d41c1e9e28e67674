package dev.setpoint.device;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import java.util.function.Supplier;

/**
 * The process's one Pi4J context (the auto context: linuxfs for I2C, gpiod for GPIO), made when a
 * BME280 or a relay first needs it, so a DHT, a log actuator or a simulated room never loads Pi4J's
 * providers; shut down on close.
 */
final class Pi4jContext implements Supplier<Context>, AutoCloseable {
  private Context context;

  @Override
  public synchronized Context get() {
    if (context == null) {
      context = Pi4J.newAutoContext();
    }
    return context;
  }

  @Override
  public synchronized void close() {
    if (context != null) {
      context.shutdown();
    }
  }
}
