package dev.setpoint.device.sensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.io.i2c.I2C;
import com.pi4j.plugin.mock.platform.MockPlatform;
import com.pi4j.plugin.mock.provider.i2c.MockI2CProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class Bme280SensorTest {
  // The worked example of Bosch's BMP280 datasheet (section 3.12), whose temperature
  // compensation the BME280 shares: adc_T 519888 is 25.08 °C.
  static final int T1 = 27504;
  static final int T2 = 26435;
  static final int T3 = -1000;
  static final int ADC_T = 519888;
  // Humidity trimming values of a real part (typical of the BME280), and a raw reading.
  static final int H1 = 75;
  static final int H2 = 362;
  static final int H3 = 0;
  static final int H4 = 313;
  static final int H5 = 50;
  static final int H6 = 30;
  static final int ADC_H = 27000;

  private Context pi4j;

  @BeforeEach
  void mockPlatform() {
    pi4j =
        Pi4J.newContextBuilder().add(new MockPlatform()).add(MockI2CProvider.newInstance()).build();
  }

  @AfterEach
  void shutdown() {
    pi4j.shutdown();
  }

  /** The device side of the bus, as the mock keeps it: one FIFO of bytes per register. */
  private I2C chip() {
    return pi4j.create(
        com.pi4j.io.i2c.I2CConfigBuilder.newInstance(pi4j)
            .id("bme280-1-118")
            .bus(1)
            .device(0x76)
            .build());
  }

  static byte[] calib00() {
    byte[] b = new byte[26];
    le(b, 0, T1);
    le(b, 2, T2);
    le(b, 4, T3);
    b[25] = (byte) H1;
    return b;
  }

  static byte[] calib26() {
    byte[] b = new byte[7];
    le(b, 0, H2);
    b[2] = (byte) H3;
    b[3] = (byte) (H4 >> 4);
    b[4] = (byte) ((H4 & 0x0F) | ((H5 & 0x0F) << 4));
    b[5] = (byte) (H5 >> 4);
    b[6] = (byte) H6;
    return b;
  }

  static void le(byte[] b, int i, int v) {
    b[i] = (byte) v;
    b[i + 1] = (byte) (v >> 8);
  }

  static byte[] data(int adcT, int adcH) {
    return new byte[] {
      (byte) 0x80,
      0,
      0, // pressure skipped
      (byte) (adcT >> 12),
      (byte) (adcT >> 4),
      (byte) ((adcT & 0x0F) << 4),
      (byte) (adcH >> 8),
      (byte) adcH
    };
  }

  @Test
  void decodesCalibrationAndCompensatesAsTheDatasheet() throws Exception {
    Bme280Sensor sensor = openWith(chipPrepared());
    Bme280Compensation c = sensor.compensation();
    assertEquals(
        new Bme280Compensation(T1, T2, T3, H1, H2, H3, H4, H5, H6), c, "calibration decoded");

    preparedMeasurement(ADC_T, ADC_H);
    Climate climate = sensor.read();

    assertEquals(25.08, climate.temperature(), 0.005);
    double fine = c.fineTemperature(ADC_T);
    assertEquals(128422, (int) fine, "t_fine of the datasheet example");
    assertEquals(referenceHumidity(ADC_H, (int) fine), climate.humidity(), 0.05);
    assertTrue(climate.humidity() > 0 && climate.humidity() < 100, "" + climate.humidity());
  }

  @Test
  void writesForcedModeSettingsForEachSample() throws Exception {
    I2C chip = chipPrepared();
    Bme280Sensor sensor = openWith(chip);
    preparedMeasurement(ADC_T, ADC_H);
    sensor.read();
    // What the sensor wrote is left in the mock's register FIFOs.
    assertEquals(Bme280Sensor.RESET_WORD, chip.readRegister(Bme280Sensor.REG_RESET) & 0xFF);
    assertEquals(Bme280Sensor.CONFIG, chip.readRegister(Bme280Sensor.REG_CONFIG));
    assertEquals(Bme280Sensor.CTRL_HUM, chip.readRegister(Bme280Sensor.REG_CTRL_HUM));
    assertEquals(0b001_000_01, chip.readRegister(Bme280Sensor.REG_CTRL_MEAS));
  }

  @Test
  void refusesAnotherChip() {
    I2C chip = chip();
    chip.writeRegister(Bme280Sensor.REG_CHIP_ID, (byte) 0x58); // a BMP280
    SensorException e =
        assertThrows(SensorException.class, () -> new Bme280Sensor(chip, "bme280 under test"));
    assertTrue(e.getMessage().contains("0x58"), e.getMessage());
  }

  @Test
  void skippedConversionIsAnError() throws Exception {
    Bme280Sensor sensor = openWith(chipPrepared());
    preparedMeasurement(Bme280Sensor.SKIPPED_20_BIT, ADC_H);
    assertThrows(SensorException.class, sensor::read);
  }

  private I2C chipPrepared() {
    I2C chip = chip();
    chip.writeRegister(Bme280Sensor.REG_CHIP_ID, (byte) Bme280Sensor.CHIP_ID);
    chip.writeRegister(Bme280Sensor.REG_STATUS, (byte) 0); // calibration copied
    byte[] c00 = calib00();
    chip.writeRegister(Bme280Compensation.CALIB_00, c00, 0, c00.length);
    byte[] c26 = calib26();
    chip.writeRegister(Bme280Compensation.CALIB_26, c26, 0, c26.length);
    return chip;
  }

  private Bme280Sensor openWith(I2C chip) throws SensorException {
    return new Bme280Sensor(chip, "bme280 under test");
  }

  private void preparedMeasurement(int adcT, int adcH) {
    I2C chip = pi4j.registry().get("bme280-1-118");
    chip.writeRegister(Bme280Sensor.REG_STATUS, (byte) Bme280Sensor.STATUS_MEASURING);
    chip.writeRegister(Bme280Sensor.REG_STATUS, (byte) 0);
    byte[] d = data(adcT, adcH);
    chip.writeRegister(Bme280Sensor.REG_DATA, d, 0, d.length);
  }

  /** The datasheet's 32-bit integer humidity formula (section 4.2.3), as an independent check. */
  static double referenceHumidity(int adcH, int tFine) {
    int v = tFine - 76800;
    v =
        (((((adcH << 14) - (H4 << 20) - (H5 * v)) + 16384) >> 15)
            * (((((((v * H6) >> 10) * (((v * H3) >> 11) + 32768)) >> 10) + 2097152) * H2 + 8192)
                >> 14));
    v = v - (((((v >> 15) * (v >> 15)) >> 7) * H1) >> 4);
    v = Math.max(0, Math.min(v, 419430400));
    return (v >> 12) / 1024.0;
  }
}
