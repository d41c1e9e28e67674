package dev.setpoint.device.meter;

import static dev.setpoint.device.meter.Encoding.FLOAT32;
import static dev.setpoint.device.meter.Encoding.INT32_SWAPPED;
import static dev.setpoint.device.meter.Register.Kind.INPUT;

import java.util.Map;

/**
 * Register maps of common meters, from their vendors' documents (device/README.md, "Energy meter
 * (Modbus)", lists each one and what was checked against it). None has been read from a real meter
 * here: check the first readings against the meter's display.
 *
 * <p>Eastron's SDM meters keep every measurement as an IEEE-754 float32 in two input registers
 * (function 04): power in W, energy in kWh. Carlo Gavazzi's EM24-DIN/EM21 keep them as signed
 * 32-bit integers of 0.1 W and 0.1 kWh, readable with function 03 or 04. <em>Not checked against
 * the source</em>: the word orders (Eastron's floats high word first, Carlo Gavazzi's integers low
 * word first, as third-party maps read them; the vendor pages read do not say), the SDM630's and
 * the SDM120's own tables (the addresses were checked in the tables of the SDM72D-M and SDM72CT-M,
 * and of the SDM230, which share them), and the EM24-DIN's own protocol document (the EM21's,
 * headed "EM24-DIN Communication Protocol", was read).
 */
public enum Preset {
  /**
   * Eastron SDM630 (and the three-phase SDM72D-M and SDM72CT-M, whose tables were checked). Total
   * system power 30053 = 0x0034 (W), total import kWh 30073 = 0x0048.
   */
  EASTRON_SDM630(
      "eastron-sdm630",
      RegisterMap.of(
          new Register(INPUT, 0x0034, FLOAT32, 0.001), new Register(INPUT, 0x0048, FLOAT32, 1))),
  /**
   * Eastron SDM120 and SDM230 (single phase). Active power 30013 = 0x000C (W), import active energy
   * 30073 = 0x0048 (kWh).
   */
  EASTRON_SDM120(
      "eastron-sdm120",
      RegisterMap.of(
          new Register(INPUT, 0x000C, FLOAT32, 0.001), new Register(INPUT, 0x0048, FLOAT32, 1))),
  /**
   * Carlo Gavazzi EM24-DIN, as Carlo Gavazzi's EM21 protocol (V1 Rev0, headed "EM24-DIN
   * Communication Protocol") gives it: W sum 0x0028 (INT32, W x 10), kWh (+) TOT 0x0034 (INT32, kWh
   * x 10). Word order low word first: not checked against the source.
   */
  CARLO_GAVAZZI_EM24(
      "carlo-gavazzi-em24",
      RegisterMap.of(
          new Register(INPUT, 0x0028, INT32_SWAPPED, 0.0001),
          new Register(INPUT, 0x0034, INT32_SWAPPED, 0.1))),
  /** No preset: every quantity read comes from its {@code meter.<quantity>.*} keys. */
  CUSTOM("custom", new RegisterMap(Map.of()));

  private final String configName;
  private final RegisterMap registers;

  Preset(String configName, RegisterMap registers) {
    this.configName = configName;
    this.registers = registers;
  }

  public String configName() {
    return configName;
  }

  public RegisterMap registers() {
    return registers;
  }

  /** The preset named {@code name}, or null. */
  public static Preset byName(String name) {
    for (Preset p : values()) {
      if (p.configName.equals(name.trim())) {
        return p;
      }
    }
    return null;
  }

  /** The names, for messages and help: {@code eastron-sdm630, ...}. */
  public static String names() {
    StringBuilder b = new StringBuilder();
    for (Preset p : values()) {
      b.append(b.isEmpty() ? "" : ", ").append(p.configName);
    }
    return b.toString();
  }
}
