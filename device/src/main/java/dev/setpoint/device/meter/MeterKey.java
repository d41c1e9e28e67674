package dev.setpoint.device.meter;

/**
 * Every setting of the energy meter, with its default and its help line, in the style of the
 * agent's {@link dev.setpoint.device.config.Key}. An empty default of a register key means "the
 * preset's".
 */
public enum MeterKey {
  METER("meter", "none", "none, tcp (Modbus TCP) or rtu (Modbus RTU over an RS-485 adapter)"),
  PRESET("meter.preset", "eastron-sdm630", "register map: " + Preset.names()),
  UNIT_ID("meter.unit-id", "1", "the meter's Modbus unit (slave) id, 1..247"),
  TIMEOUT("meter.timeout", "1s", "longest one reading may take, connecting included"),
  RATED_POWER(
      "meter.rated-power",
      "100",
      "most the metered unit can draw, kW: more power, or a faster-rising counter, is refused"),
  TCP_HOST("meter.tcp.host", "", "the meter's or gateway's host name or address (tcp)"),
  TCP_PORT("meter.tcp.port", "502", "the Modbus TCP port (tcp)"),
  RTU_PORT("meter.rtu.port", "/dev/ttyUSB0", "the RS-485 adapter's serial device (rtu)"),
  RTU_BAUD("meter.rtu.baud", "9600", "bits per second, as set on the meter (rtu)"),
  RTU_PARITY("meter.rtu.parity", "none", "none, even or odd, as set on the meter (rtu)"),
  RTU_DATA_BITS("meter.rtu.data-bits", "8", "7 or 8 (rtu)"),
  RTU_STOP_BITS("meter.rtu.stop-bits", "1", "1 or 2 (rtu)"),
  POWER_REGISTER("meter.power.register", "", "input or holding"),
  POWER_ADDRESS("meter.power.address", "", "zero-based address on the wire (0x34), or none"),
  POWER_ENCODING("meter.power.encoding", "", "float32, int32-swapped, uint64, ... (README)"),
  POWER_SCALE("meter.power.scale", "", "factor from the raw value to kW (0.001 for W)"),
  ENERGY_REGISTER("meter.energy.register", "", "input or holding"),
  ENERGY_ADDRESS("meter.energy.address", "", "zero-based address on the wire, or none"),
  ENERGY_ENCODING("meter.energy.encoding", "", "float32, int32-swapped, uint64, ... (README)"),
  ENERGY_SCALE("meter.energy.scale", "", "factor from the raw value to kWh (0.001 for Wh)"),
  IT_POWER_REGISTER(
      "meter.it-power.register", "", "input or holding (IT power: not read unless set)"),
  IT_POWER_ADDRESS("meter.it-power.address", "", "zero-based address on the wire, or none"),
  IT_POWER_ENCODING("meter.it-power.encoding", "", "float32, int32-swapped, uint64, ... (README)"),
  IT_POWER_SCALE("meter.it-power.scale", "", "factor from the raw value to kW");

  private final String key;
  private final String defaultValue;
  private final String help;

  MeterKey(String key, String defaultValue, String help) {
    this.key = key;
    this.defaultValue = defaultValue;
    this.help = help;
  }

  public String key() {
    return key;
  }

  public String defaultValue() {
    return defaultValue;
  }

  public String help() {
    return help;
  }

  /** The key named {@code name}, or null. */
  public static MeterKey byName(String name) {
    for (MeterKey k : values()) {
      if (k.key.equals(name)) {
        return k;
      }
    }
    return null;
  }

  /** A quantity's key, e.g. {@code meter.energy.scale} for (ENERGY, "scale"). */
  static MeterKey of(Quantity quantity, String field) {
    MeterKey k = byName("meter." + quantity.key() + "." + field);
    if (k == null) {
      throw new IllegalArgumentException("no key meter." + quantity.key() + "." + field);
    }
    return k;
  }
}
