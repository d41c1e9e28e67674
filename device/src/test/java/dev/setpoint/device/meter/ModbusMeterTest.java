package dev.setpoint.device.meter;

import static dev.setpoint.device.meter.TestSlave.float32;
import static dev.setpoint.device.meter.TestSlave.int32Swapped;
import static dev.setpoint.device.meter.TestSlave.int64;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.device.config.ConfigException;
import dev.setpoint.device.meter.MeterException.Reason;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Modbus reader against a real j2mod Modbus TCP slave started by each test. */
class ModbusMeterTest {
  private TestSlave slave;
  private final List<Meter> meters = new ArrayList<>();

  @BeforeEach
  void startSlave() throws Exception {
    slave = new TestSlave();
  }

  @AfterEach
  void stop() {
    meters.forEach(Meter::close);
    slave.close();
  }

  private Meter meter(int port, String... keyValues) throws ConfigException {
    Map<String, String> values = new HashMap<>();
    values.put("meter", "tcp");
    values.put("meter.tcp.host", "127.0.0.1");
    values.put("meter.tcp.port", Integer.toString(port));
    values.put("meter.timeout", "500ms");
    for (int i = 0; i < keyValues.length; i += 2) {
      values.put(keyValues[i], keyValues[i + 1]);
    }
    Meter m = new ModbusMeter(MeterConfig.parse(values, "test").orElseThrow());
    meters.add(m);
    return m;
  }

  private Meter meter(String... keyValues) throws ConfigException {
    return meter(slave.port(), keyValues);
  }

  @Test
  void eastronSdm630DecodesFloat32InputRegisters() throws Exception {
    slave.input(0x0034, float32(12_345.6f)); // total system power, W
    slave.input(0x0048, float32(98_765.4f)); // total import, kWh

    MeterReading r = meter("meter.preset", "eastron-sdm630").read();

    assertEquals(12.3456, r.powerKw(), 1e-6);
    assertEquals(98_765.4, r.energyKwh(), 0.01);
    assertTrue(r.itPowerKw().isEmpty());
    assertTrue(r.itEnergyKwh().isEmpty(), "no register map reads the IT energy counter");
    assertTrue(r.computePowerKw().isEmpty(), "a meter cannot tell the server fans' share apart");
  }

  @Test
  void eastronSdm120ReadsItsOwnPowerRegister() throws Exception {
    slave.input(0x000C, float32(2_300f));
    slave.input(0x0048, float32(12.5f));

    MeterReading r = meter("meter.preset", "eastron-sdm120").read();

    assertEquals(2.3, r.powerKw(), 1e-6);
    assertEquals(12.5, r.energyKwh(), 1e-6);
  }

  @Test
  void carloGavazziEm24DecodesScaledWordSwappedInt32() throws Exception {
    slave.input(0x0028, int32Swapped(123_456)); // 12 345.6 W in 0.1 W
    slave.input(0x0034, int32Swapped(987_654)); // 98 765.4 kWh in 0.1 kWh

    MeterReading r = meter("meter.preset", "carlo-gavazzi-em24").read();

    assertEquals(12.3456, r.powerKw(), 1e-9);
    assertEquals(98_765.4, r.energyKwh(), 1e-9);
  }

  @Test
  void aMapFromConfigurationReadsHoldingRegistersOfEachWidth() throws Exception {
    slave.holding(0x10, 1_234); // uint16, 0.01 kW
    slave.holding(0x20, int64(123_456_789L)); // uint64, Wh
    slave.holding(0x30, 0xFFFF, 0xFC18); // int32 -1000 W: an idle UPS output read slightly negative

    Meter m =
        meter(
            "meter.preset", "custom",
            "meter.power.register", "holding",
            "meter.power.address", "0x10",
            "meter.power.encoding", "uint16",
            "meter.power.scale", "0.01",
            "meter.energy.register", "holding",
            "meter.energy.address", "32",
            "meter.energy.encoding", "uint64",
            "meter.energy.scale", "0.001",
            "meter.it-power.register", "holding",
            "meter.it-power.address", "0x30",
            "meter.it-power.encoding", "int32",
            "meter.it-power.scale", "0.00001");
    MeterReading r = m.read();

    assertEquals(12.34, r.powerKw(), 1e-9);
    assertEquals(123_456.789, r.energyKwh(), 1e-9);
    assertEquals(-0.01, r.itPowerKw().orElseThrow(), 1e-9);
    assertTrue(r.computePowerKw().isEmpty(), "IT power read, the compute load still not");
  }

  @Test
  void anIllegalAddressComesBackAsModbusExceptionTwo() throws Exception {
    Meter m = meter("meter.power.address", Integer.toString(TestSlave.SIZE + 10));

    MeterException e = assertThrows(MeterException.class, m::read);

    assertEquals(Reason.MODBUS_EXCEPTION, e.reason());
    assertEquals(2, e.exceptionCode().orElseThrow());
    assertTrue(e.getMessage().contains("illegal data address"), e.getMessage());
  }

  @Test
  void aMeterThatNeverAnswersTimesOutWithinTheTimeout() throws Exception {
    try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
      List<Socket> held = new ArrayList<>();
      Thread acceptor =
          Thread.ofVirtual()
              .start(
                  () -> {
                    try {
                      while (true) {
                        held.add(silent.accept()); // and never a byte back
                      }
                    } catch (IOException closed) {
                      // the test is over
                    }
                  });
      Meter m = meter(silent.getLocalPort(), "meter.timeout", "300ms");

      long start = System.nanoTime();
      MeterException e = assertThrows(MeterException.class, m::read);
      long tookMs = (System.nanoTime() - start) / 1_000_000;

      assertEquals(Reason.TIMEOUT, e.reason(), e.getMessage());
      assertTrue(tookMs < 300 + 400, "took " + tookMs + " ms for a 300 ms timeout");
      silent.close();
      acceptor.join(1000);
      for (Socket s : held) {
        s.close();
      }
    }
  }

  @Test
  void nothingListeningIsConnectionRefused() throws Exception {
    Meter m = meter(TestSlave.freePort());

    MeterException e = assertThrows(MeterException.class, m::read);

    assertEquals(Reason.CONNECTION_REFUSED, e.reason(), e.getMessage());
  }

  @Test
  void aStoppedSlaveIsRefusedAndTheMeterRecoversWhenItIsBack() throws Exception {
    slave.input(0x0034, float32(5_000f));
    slave.input(0x0048, float32(100f));
    Meter m = meter();
    assertEquals(5.0, m.read().powerKw(), 1e-6);

    slave.stop();
    // the slave's handler may still serve the kept connection once; then the link fails and the
    // reconnect is refused
    await()
        .atMost(Duration.ofSeconds(5))
        .pollInterval(Duration.ofMillis(50))
        .until(() -> failure(m) == Reason.CONNECTION_REFUSED);

    slave.start();
    assertEquals(5.0, m.read().powerKw(), 1e-6);
  }

  @Test
  void aCounterThatWentDownIsReportedAsAReset() throws Exception {
    slave.input(0x0048, float32(1_000f));
    Meter m = meter();
    assertEquals(1_000, m.read().energyKwh(), 1e-6);

    slave.input(0x0048, float32(3f)); // meter replaced or its counter cleared
    MeterException e = assertThrows(MeterException.class, m::read);

    assertEquals(Reason.COUNTER_RESET, e.reason(), e.getMessage());
    assertEquals(3, m.read().energyKwh(), 1e-6, "counting goes on from the new value");
  }

  @Test
  void aNaNFromTheMeterIsNonsense() throws Exception {
    slave.input(0x0034, float32(Float.NaN));
    slave.input(0x0048, float32(1f));

    MeterException e = assertThrows(MeterException.class, meter()::read);

    assertEquals(Reason.NONSENSE, e.reason());
    assertTrue(e.getMessage().contains("power"), e.getMessage());
  }

  @Test
  void aCounterJumpIsRefused() throws Exception {
    slave.input(0x0048, float32(1_000f));
    Meter m = meter("meter.rated-power", "50");
    m.read();

    slave.input(0x0048, float32(1_500f)); // 500 kWh in well under a minute
    MeterException e = assertThrows(MeterException.class, m::read);

    assertEquals(Reason.COUNTER_JUMP, e.reason(), e.getMessage());
  }

  @Test
  void describeNamesTheLinkAndTheMap() throws Exception {
    String d = meter().describe();

    assertTrue(d.startsWith("modbus-tcp 127.0.0.1:" + slave.port() + " unit 1 eastron-sdm630"), d);
    assertTrue(d.contains("power=input 0x0034 float32"), d);
    assertFalse(d.contains("it-power"), d);
  }

  private static Reason failure(Meter m) {
    try {
      m.read();
      return null;
    } catch (MeterException e) {
      return e.reason();
    }
  }
}
