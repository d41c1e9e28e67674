package dev.setpoint.device.meter;

import java.util.Locale;

/**
 * Where and how one quantity is read.
 *
 * @param kind input registers (function 04) or holding registers (function 03)
 * @param address the zero-based address on the wire, the "start address" of the vendors' tables
 *     (Eastron's 30053 is address 0x0034); not the 3xxxx/4xxxx reference number
 * @param encoding the layout of the value; it fixes the word count
 * @param scale the factor from the raw value to the quantity's unit, e.g. 0.001 for watts to kW,
 *     0.0001 for a count of 0.1 W to kW
 */
public record Register(Kind kind, int address, Encoding encoding, double scale) {

  /** The Modbus register table a value is in. */
  public enum Kind {
    INPUT,
    HOLDING;

    public String configName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public Register {
    if (kind == null || encoding == null) {
      throw new IllegalArgumentException("a register needs its kind and encoding");
    }
    if (address < 0 || address + encoding.words() - 1 > 0xFFFF) {
      throw new IllegalArgumentException(
          "address " + address + " with " + encoding.words() + " words is outside 0..65535");
    }
    if (!Double.isFinite(scale) || scale == 0) {
      throw new IllegalArgumentException("scale must be a finite non-zero number, was " + scale);
    }
  }

  public int words() {
    return encoding.words();
  }

  /** The value of the registers as read, in the quantity's unit. */
  public double value(int[] registers) {
    return encoding.decode(registers) * scale;
  }

  /** The smallest step of the value near {@code value} (in the quantity's unit). */
  public double resolution(double value) {
    return encoding.resolution(value / scale) * Math.abs(scale);
  }

  /** E.g. {@code input 0x0034 float32 x0.001}. */
  public String describe() {
    return String.format(
        Locale.ROOT, "%s 0x%04X %s x%s", kind.configName(), address, encoding.configName(), scale);
  }
}
