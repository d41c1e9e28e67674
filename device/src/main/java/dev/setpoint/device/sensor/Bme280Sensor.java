package dev.setpoint.device.sensor;

import com.pi4j.context.Context;
import com.pi4j.io.i2c.I2C;
import com.pi4j.io.i2c.I2CConfigBuilder;
import java.time.Duration;

/**
 * A Bosch BME280 on an I2C bus, read with Pi4J. Each sample is a forced-mode measurement
 * (oversampling ×1 for temperature and humidity, pressure skipped, no IIR filter): the sensor
 * sleeps between samples, which keeps it from warming itself. The calibration is read once at
 * start.
 */
public final class Bme280Sensor implements Sensor {
  static final int REG_CHIP_ID = 0xD0;
  static final int REG_RESET = 0xE0;
  static final int REG_CTRL_HUM = 0xF2;
  static final int REG_STATUS = 0xF3;
  static final int REG_CTRL_MEAS = 0xF4;
  static final int REG_CONFIG = 0xF5;
  static final int REG_DATA = 0xF7;
  static final int DATA_LENGTH = 8;
  static final int CHIP_ID = 0x60;
  static final int RESET_WORD = 0xB6;
  static final int STATUS_MEASURING = 0x08;
  static final int STATUS_IM_UPDATE = 0x01;

  /** osrs_h = 001: humidity oversampling ×1. */
  static final int CTRL_HUM = 0x01;

  /** osrs_t = 001 (×1), osrs_p = 000 (skipped), mode = 01 (forced). */
  static final int CTRL_MEAS_FORCED = 0b001_000_01;

  /** t_sb = 000, filter off, no 3-wire SPI. */
  static final int CONFIG = 0x00;

  /** Raw value of a skipped or not-yet-done conversion. */
  static final int SKIPPED_20_BIT = 0x80000;

  static final int SKIPPED_16_BIT = 0x8000;

  /** The datasheet's maximum measurement time at ×1/×1 is 9.3 ms; poll a few times that long. */
  private static final int STATUS_POLLS = 20;

  private static final Duration POLL_INTERVAL = Duration.ofMillis(2);

  private final I2C i2c;
  private final String description;
  private final Bme280Compensation compensation;

  /**
   * Opens the sensor on a bus of the Pi4J context (linuxfs I2C provider on a Pi).
   *
   * @param bus the I2C bus, 1 on a Raspberry Pi's header
   * @param address 0x76 (SDO to GND) or 0x77
   */
  public static Bme280Sensor open(Context pi4j, int bus, int address) throws SensorException {
    String description = String.format("bme280 at i2c-%d/0x%02x", bus, address);
    I2C i2c;
    try {
      i2c =
          pi4j.create(
              I2CConfigBuilder.newInstance(pi4j)
                  .id("bme280-" + bus + "-" + address)
                  .bus(bus)
                  .device(address)
                  .build());
    } catch (RuntimeException e) { // Pi4JException: no such bus, no permission, no provider
      throw new SensorException(description + ": cannot open the bus: " + e.getMessage(), e);
    }
    return new Bme280Sensor(i2c, description);
  }

  /** Checks the chip id, resets the chip and reads its calibration; closes the I2C on failure. */
  Bme280Sensor(I2C i2c, String description) throws SensorException {
    this.i2c = i2c;
    this.description = description;
    try {
      int id = i2c.readRegister(REG_CHIP_ID) & 0xFF; // some providers answer a signed byte
      if (id != CHIP_ID) {
        throw new SensorException(
            String.format(
                "%s: chip id 0x%02x, expected 0x%02x (a BMP280?)", description, id, 0x60));
      }
      i2c.writeRegister(REG_RESET, (byte) RESET_WORD);
      waitWhile(STATUS_IM_UPDATE, "copying its calibration after reset");
      byte[] calib00 = new byte[Bme280Compensation.CALIB_00_LENGTH];
      byte[] calib26 = new byte[Bme280Compensation.CALIB_26_LENGTH];
      readFully(Bme280Compensation.CALIB_00, calib00);
      readFully(Bme280Compensation.CALIB_26, calib26);
      this.compensation = Bme280Compensation.of(calib00, calib26);
      i2c.writeRegister(REG_CONFIG, (byte) CONFIG);
    } catch (SensorException e) {
      i2c.close();
      throw e;
    } catch (RuntimeException e) {
      i2c.close();
      throw new SensorException(description + ": " + e.getMessage(), e);
    }
  }

  @Override
  public Climate read() throws SensorException {
    try {
      // ctrl_hum takes effect only with the next write of ctrl_meas (datasheet 5.4.3).
      i2c.writeRegister(REG_CTRL_HUM, (byte) CTRL_HUM);
      i2c.writeRegister(REG_CTRL_MEAS, (byte) CTRL_MEAS_FORCED);
      waitWhile(STATUS_MEASURING, "measuring");
      byte[] data = new byte[DATA_LENGTH];
      readFully(REG_DATA, data);
      int adcT = ((data[3] & 0xFF) << 12) | ((data[4] & 0xFF) << 4) | ((data[5] & 0xFF) >> 4);
      int adcH = ((data[6] & 0xFF) << 8) | (data[7] & 0xFF);
      if (adcT == SKIPPED_20_BIT || adcH == SKIPPED_16_BIT) {
        throw new SensorException(description + ": the measurement was not done (raw 0x80000)");
      }
      double fine = compensation.fineTemperature(adcT);
      return new Climate(compensation.temperature(fine), compensation.humidity(adcH, fine));
    } catch (RuntimeException e) {
      throw new SensorException(description + ": " + e.getMessage(), e);
    }
  }

  Bme280Compensation compensation() {
    return compensation;
  }

  private void readFully(int register, byte[] buffer) throws SensorException {
    int n = i2c.readRegister(register, buffer, 0, buffer.length);
    if (n != buffer.length) {
      throw new SensorException(
          String.format(
              "%s: read %d of %d bytes at 0x%02x", description, n, buffer.length, register));
    }
  }

  private void waitWhile(int statusBit, String what) throws SensorException {
    for (int poll = 0; poll < STATUS_POLLS; poll++) {
      int status = i2c.readRegister(REG_STATUS) & 0xFF;
      if ((status & statusBit) == 0) {
        return;
      }
      try {
        Thread.sleep(POLL_INTERVAL);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SensorException(description + ": interrupted", e);
      }
    }
    throw new SensorException(
        description + ": still " + what + " after " + STATUS_POLLS + " polls");
  }

  @Override
  public String describe() {
    return description;
  }

  @Override
  public void close() {
    i2c.close();
  }
}
