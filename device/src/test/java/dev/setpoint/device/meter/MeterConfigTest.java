package dev.setpoint.device.meter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.device.config.ConfigException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MeterConfigTest {

  private static Map<String, String> values(String... keyValues) {
    Map<String, String> v = new HashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      v.put(keyValues[i], keyValues[i + 1]);
    }
    return v;
  }

  private static MeterConfig parse(String... keyValues) throws ConfigException {
    return MeterConfig.parse(values(keyValues), "agent.properties").orElseThrow();
  }

  private static String error(String... keyValues) {
    return assertThrows(
            ConfigException.class, () -> MeterConfig.parse(values(keyValues), "agent.properties"))
        .getMessage();
  }

  @Test
  void noMeterByDefaultAndOtherKeysAreLeftAlone() throws ConfigException {
    Optional<MeterConfig> none =
        MeterConfig.parse(values("sensor", "bme280", "interval", "10s"), "agent.properties");

    assertTrue(none.isEmpty());
  }

  @Test
  void tcpWithThePresetsMapAndTheDefaults() throws ConfigException {
    MeterConfig c = parse("meter", "tcp", "meter.tcp.host", "10.1.2.3");

    assertEquals(new MeterConfig.Tcp("10.1.2.3", 502), c.link());
    assertEquals(1, c.unitId());
    assertEquals(Duration.ofSeconds(1), c.timeout());
    assertEquals(100, c.ratedPowerKw());
    assertEquals(Preset.EASTRON_SDM630, c.preset());
    assertEquals(Preset.EASTRON_SDM630.registers(), c.registers());
  }

  @Test
  void rtuSettings() throws ConfigException {
    MeterConfig c =
        parse(
            "meter", "rtu",
            "meter.rtu.port", "/dev/ttyAMA0",
            "meter.rtu.baud", "19200",
            "meter.rtu.parity", "Even",
            "meter.rtu.stop-bits", "2",
            "meter.unit-id", "12",
            "meter.timeout", "750ms",
            "meter.preset", "carlo-gavazzi-em24");

    assertEquals(new MeterConfig.Rtu("/dev/ttyAMA0", 19200, "even", 8, 2), c.link());
    assertEquals(12, c.unitId());
    assertEquals(Duration.ofMillis(750), c.timeout());
    assertEquals("modbus-rtu /dev/ttyAMA0 19200 even 8/2", c.link().describe());
  }

  @Test
  void rtuSettingsAreChecked() {
    assertEquals(
        "meter.rtu.parity = 'mark' (from agent.properties) must be one of none, even, odd",
        error("meter", "rtu", "meter.rtu.parity", "mark"));
    assertTrue(error("meter", "rtu", "meter.rtu.data-bits", "9").startsWith("meter.rtu.data-bits"));
    assertTrue(error("meter", "rtu", "meter.rtu.baud", "fast").contains("is not an integer"));
  }

  @Test
  void oneFieldOverridesThePresetsRegister() throws ConfigException {
    MeterConfig c =
        parse(
            "meter", "tcp",
            "meter.tcp.host", "gw",
            "meter.energy.address", "0x0156"); // Eastron's total kWh (import + export)

    assertEquals(
        new Register(Register.Kind.INPUT, 0x0156, Encoding.FLOAT32, 1),
        c.registers().get(Quantity.ENERGY).orElseThrow());
    assertEquals(
        Preset.EASTRON_SDM630.registers().get(Quantity.POWER), c.registers().get(Quantity.POWER));
  }

  @Test
  void itPowerIsReadOnlyWhenMappedAndNoneUnmapsAQuantity() throws ConfigException {
    MeterConfig c =
        parse(
            "meter", "tcp",
            "meter.tcp.host", "gw",
            "meter.power.address", "none",
            "meter.it-power.register", "holding",
            "meter.it-power.address", "3059",
            "meter.it-power.encoding", "float32",
            "meter.it-power.scale", "1");

    assertTrue(c.registers().get(Quantity.POWER).isEmpty());
    assertEquals(
        new Register(Register.Kind.HOLDING, 3059, Encoding.FLOAT32, 1),
        c.registers().get(Quantity.IT_POWER).orElseThrow());
  }

  @Test
  void aCustomMapNeedsEveryField() {
    assertEquals(
        "meter.power.encoding = '' (from default) must be set: the preset does not read power",
        error(
            "meter", "tcp",
            "meter.tcp.host", "gw",
            "meter.preset", "custom",
            "meter.power.register", "input",
            "meter.power.address", "0"));
    assertTrue(
        error("meter", "tcp", "meter.tcp.host", "gw", "meter.preset", "custom")
            .contains("reads neither power nor energy"));
  }

  @Test
  void wrongValuesNameTheirKey() {
    assertEquals(
        "unknown key 'meter.power.adress' in agent.properties",
        error("meter", "tcp", "meter.power.adress", "1"));
    assertEquals(
        "meter.tcp.host = '' (from default) must name the meter's host with meter=tcp",
        error("meter", "tcp"));
    assertTrue(
        error("meter", "tcp", "meter.tcp.host", "gw", "meter.power.encoding", "float64")
            .startsWith("meter.power.encoding = 'float64' (from agent.properties) must be one of"));
    assertTrue(
        error("meter", "tcp", "meter.tcp.host", "gw", "meter.preset", "sdm630")
            .startsWith("meter.preset = 'sdm630' (from agent.properties) must be one of eastron"));
    assertTrue(
        error("meter", "tcp", "meter.tcp.host", "gw", "meter.power.address", "70000")
            .contains("between 0 and 65535"));
    assertTrue(
        error("meter", "tcp", "meter.tcp.host", "gw", "meter.timeout", "10ms")
            .contains("between 50ms and 60s"));
    assertTrue(
        error("meter", "tcp", "meter.tcp.host", "gw", "meter.rated-power", "-5")
            .contains("must be positive"));
    assertTrue(error("meter", "modbus").startsWith("meter = 'modbus'"));
  }

  @Test
  void everyKeyHasHelp() {
    for (MeterKey k : MeterKey.values()) {
      assertTrue(k.key().equals("meter") || k.key().startsWith("meter."), k.key());
      assertTrue(!k.help().isBlank(), k.key());
    }
  }
}
