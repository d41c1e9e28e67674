package dev.setpoint.device.meter;

/** A source of the cooling unit's power and energy; the agent polls it at its own pace. */
public interface Meter extends AutoCloseable {

  /**
   * Takes one reading, within the meter's timeout.
   *
   * @throws MeterException the meter gave no usable reading this time; {@link
   *     MeterException#reason()} says why, and the next call tries again (reconnecting if the link
   *     failed)
   */
  MeterReading read() throws MeterException;

  /** What the meter is, for the log, e.g. {@code modbus-tcp 10.1.2.3:502 unit 1 eastron-sdm630}. */
  String describe();

  @Override
  default void close() {}
}
