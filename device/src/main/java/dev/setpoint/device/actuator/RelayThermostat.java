package dev.setpoint.device.actuator;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalOutputConfigBuilder;
import com.pi4j.io.gpio.digital.DigitalState;

/**
 * A thermostat on a Pi4J digital output that drives a relay in the cooling unit's enable circuit:
 * cooling goes on above the setpoint plus half the hysteresis and off below it minus half. The
 * output is off (no cooling demand) at start and when the agent stops, so the unit falls back to
 * its own thermostat.
 */
public final class RelayThermostat implements Actuator {
  private final DigitalOutput relay;
  private final double hysteresis;
  private final DigitalState on;
  private final DigitalState off;
  private double setpoint = Double.NaN;

  /**
   * @param pi4j the Pi4J context (gpiod provider on a Pi, the mock in tests)
   * @param bcmPin the BCM number of the output pin
   * @param activeHigh whether a high level energises the relay (most relay boards are active low)
   * @param hysteresis the band around the setpoint, °C, above 0
   */
  public RelayThermostat(Context pi4j, int bcmPin, boolean activeHigh, double hysteresis) {
    if (!(hysteresis > 0)) {
      throw new IllegalArgumentException("hysteresis must be above 0, was " + hysteresis);
    }
    this.hysteresis = hysteresis;
    this.on = activeHigh ? DigitalState.HIGH : DigitalState.LOW;
    this.off = activeHigh ? DigitalState.LOW : DigitalState.HIGH;
    this.relay =
        pi4j.create(
            DigitalOutputConfigBuilder.newInstance(pi4j)
                .id("cooling-relay-" + bcmPin)
                .name("cooling relay")
                .address(bcmPin)
                .initial(off)
                .shutdown(off)
                .build());
  }

  @Override
  public synchronized void apply(double newSetpoint) {
    this.setpoint = newSetpoint;
  }

  @Override
  public synchronized void observe(double temperature) {
    if (Double.isNaN(setpoint)) {
      return;
    }
    if (temperature > setpoint + hysteresis / 2) {
      relay.state(on);
    } else if (temperature < setpoint - hysteresis / 2) {
      relay.state(off);
    }
  }

  /** Whether the relay calls for cooling now. */
  public synchronized boolean cooling() {
    return relay.state() == on;
  }

  @Override
  public synchronized void close() {
    relay.state(off);
  }
}
