package dev.setpoint.device.meter;

import java.util.Locale;

/**
 * How a value is laid out in consecutive 16-bit registers. Bytes within a register are always
 * big-endian, as Modbus sends them; the words are high word first, except in the {@code -swapped}
 * encodings, which have the low word at the lower address (Carlo Gavazzi's integers, and meters set
 * to "word swap"). The word count follows from the encoding.
 */
public enum Encoding {
  FLOAT32(2, Kind.FLOAT, false),
  FLOAT32_SWAPPED(2, Kind.FLOAT, true),
  INT16(1, Kind.SIGNED, false),
  UINT16(1, Kind.UNSIGNED, false),
  INT32(2, Kind.SIGNED, false),
  INT32_SWAPPED(2, Kind.SIGNED, true),
  UINT32(2, Kind.UNSIGNED, false),
  UINT32_SWAPPED(2, Kind.UNSIGNED, true),
  INT64(4, Kind.SIGNED, false),
  INT64_SWAPPED(4, Kind.SIGNED, true),
  UINT64(4, Kind.UNSIGNED, false),
  UINT64_SWAPPED(4, Kind.UNSIGNED, true);

  private enum Kind {
    FLOAT,
    SIGNED,
    UNSIGNED
  }

  private final int words;
  private final Kind kind;
  private final boolean swapped;

  Encoding(int words, Kind kind, boolean swapped) {
    this.words = words;
    this.kind = kind;
    this.swapped = swapped;
  }

  /** How many registers the value takes. */
  public int words() {
    return words;
  }

  /** The word in configuration and in messages, e.g. {@code uint32-swapped}. */
  public String configName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The encoding named {@code name} ({@link #configName()}), or null. */
  public static Encoding byName(String name) {
    for (Encoding e : values()) {
      if (e.configName().equals(name.trim().toLowerCase(Locale.ROOT))) {
        return e;
      }
    }
    return null;
  }

  /** Whether it is an IEEE-754 float, which can read NaN or infinite. */
  public boolean isFloat() {
    return kind == Kind.FLOAT;
  }

  /**
   * The raw value of the registers as read, in register order.
   *
   * @param registers {@link #words()} unsigned 16-bit values
   */
  public double decode(int[] registers) {
    if (registers.length != words) {
      throw new IllegalArgumentException(
          configName() + " takes " + words + " registers, got " + registers.length);
    }
    long bits = 0;
    for (int i = 0; i < words; i++) {
      int word = registers[swapped ? words - 1 - i : i];
      bits = (bits << 16) | (word & 0xFFFF);
    }
    return switch (kind) {
      case FLOAT -> Float.intBitsToFloat((int) bits);
      case SIGNED ->
          switch (words) {
            case 1 -> (short) bits;
            case 2 -> (int) bits;
            default -> bits;
          };
      case UNSIGNED -> words == 4 && bits < 0 ? unsignedLong(bits) : bits;
    };
  }

  /**
   * The smallest step the encoding can show near {@code raw}: one count for an integer, one unit in
   * the last place for a float.
   */
  public double resolution(double raw) {
    return kind == Kind.FLOAT ? Math.ulp((float) raw) : 1;
  }

  private static double unsignedLong(long bits) {
    return (bits >>> 1) * 2.0 + (bits & 1);
  }
}
