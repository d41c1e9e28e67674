package dev.setpoint.analytics.domain.energy;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a meter measures: the cooling plant's or the IT load's energy, each as a counter (kWh) with
 * an instantaneous power (kW) beside it, under their EdgeX resource names.
 */
public enum Quantity {
  COOLING("cooling", "cooling_energy", "cooling_power"),
  IT("it", "it_energy", "it_power");

  private final String code;
  private final String counterField;
  private final String powerField;

  Quantity(String code, String counterField, String powerField) {
    this.code = code;
    this.counterField = counterField;
    this.powerField = powerField;
  }

  /** The {@code quantity} tag of the energy points: {@code cooling} or {@code it}. */
  public String code() {
    return code;
  }

  /** The reading (climate field) of the counter, kWh. */
  public String counterField() {
    return counterField;
  }

  /** The reading (climate field) of the power, kW. */
  public String powerField() {
    return powerField;
  }

  public static Optional<Quantity> fromCode(String code) {
    return Arrays.stream(values()).filter(q -> q.code.equals(code)).findFirst();
  }
}
