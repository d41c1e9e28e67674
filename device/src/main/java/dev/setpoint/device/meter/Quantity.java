package dev.setpoint.device.meter;

/** What the meter is read for; each has its own {@code meter.<name>.*} keys. */
public enum Quantity {
  /** The cooling unit's total active power, kW. */
  POWER("power", "kW"),
  /** The cooling unit's imported active energy counter, kWh. */
  ENERGY("energy", "kWh"),
  /** The IT load's active power, kW (a PDU's or UPS's output, where the same device meters it). */
  IT_POWER("it-power", "kW");

  private final String key;
  private final String unit;

  Quantity(String key, String unit) {
    this.key = key;
    this.unit = unit;
  }

  /** The name in the keys, e.g. {@code it-power} in {@code meter.it-power.address}. */
  public String key() {
    return key;
  }

  /** The unit a register's scale converts to. */
  public String unit() {
    return unit;
  }
}
