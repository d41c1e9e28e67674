package dev.setpoint.device.sensor;

/**
 * A BME280's factory trimming parameters and the compensation of its raw readings, in the
 * floating-point form of the Bosch BME280 datasheet (section 8.1). Pressure is not measured: the
 * room-controller profile has no resource for it.
 */
public record Bme280Compensation(
    int t1, int t2, int t3, int h1, int h2, int h3, int h4, int h5, int h6) {

  /** First calibration block, registers 0x88..0x9F. */
  static final int CALIB_00 = 0x88;

  static final int CALIB_00_LENGTH = 26;

  /** Second calibration block, registers 0xE1..0xE7. */
  static final int CALIB_26 = 0xE1;

  static final int CALIB_26_LENGTH = 7;

  /**
   * Decodes the parameters from the two calibration blocks as the datasheet lays them out (table
   * 16): little-endian words, dig_H4 and dig_H5 sharing the nibbles of 0xE5.
   *
   * @param calib00 registers 0x88..0xA1 (26 bytes; 0xA1 is dig_H1)
   * @param calib26 registers 0xE1..0xE7 (7 bytes)
   */
  public static Bme280Compensation of(byte[] calib00, byte[] calib26) {
    if (calib00.length < CALIB_00_LENGTH || calib26.length < CALIB_26_LENGTH) {
      throw new IllegalArgumentException("calibration blocks too short");
    }
    int t1 = unsigned16(calib00, 0);
    int t2 = signed16(calib00, 2);
    int t3 = signed16(calib00, 4);
    int h1 = calib00[25] & 0xFF;
    int h2 = signed16(calib26, 0);
    int h3 = calib26[2] & 0xFF;
    // 0xE4 and 0xE6 are the signed high parts (the datasheet's int8_t casts); 0xE5 splits.
    int h4 = (calib26[3] << 4) | (calib26[4] & 0x0F);
    int h5 = (calib26[5] << 4) | ((calib26[4] & 0xFF) >> 4);
    int h6 = calib26[6];
    return new Bme280Compensation(t1, t2, t3, h1, h2, h3, h4, h5, h6);
  }

  /**
   * The fine temperature, which the humidity compensation needs too.
   *
   * @param adcT the 20-bit raw temperature
   */
  public double fineTemperature(int adcT) {
    double var1 = (adcT / 16384.0 - t1 / 1024.0) * t2;
    double x = adcT / 131072.0 - t1 / 8192.0;
    double var2 = x * x * t3;
    return var1 + var2;
  }

  /** Temperature in °C from the fine temperature. */
  public double temperature(double fine) {
    return fine / 5120.0;
  }

  /**
   * Relative humidity in %RH, clamped to 0..100 as the datasheet does.
   *
   * @param adcH the 16-bit raw humidity
   * @param fine the fine temperature of the same measurement
   */
  public double humidity(int adcH, double fine) {
    double h = fine - 76800.0;
    h =
        (adcH - (h4 * 64.0 + h5 / 16384.0 * h))
            * (h2 / 65536.0 * (1.0 + h6 / 67108864.0 * h * (1.0 + h3 / 67108864.0 * h)));
    h = h * (1.0 - h1 * h / 524288.0);
    return Math.clamp(h, 0.0, 100.0);
  }

  private static int unsigned16(byte[] b, int i) {
    return (b[i] & 0xFF) | ((b[i + 1] & 0xFF) << 8);
  }

  private static int signed16(byte[] b, int i) {
    return (short) unsigned16(b, i);
  }
}
