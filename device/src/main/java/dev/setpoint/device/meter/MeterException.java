package dev.setpoint.device.meter;

import java.util.OptionalInt;

/** A reading could not be taken, or was refused; {@link #reason()} says which and why. */
public class MeterException extends Exception {

  /** Why a reading failed. */
  public enum Reason {
    /** The meter (or the gateway in front of it) did not answer within the timeout. */
    TIMEOUT(true),
    /** Nothing listens at the meter's address and port (the gateway is down or restarting). */
    CONNECTION_REFUSED(true),
    /**
     * Another link failure: unknown host, no route, a serial port that will not open, a truncated
     * or corrupt frame.
     */
    LINK(true),
    /** The meter answered with a Modbus exception response: {@link #exceptionCode()}. */
    MODBUS_EXCEPTION(false),
    /**
     * The meter answered a value that cannot be right: NaN, infinite, negative power, power above
     * the rated power.
     */
    NONSENSE(false),
    /**
     * The energy counter went down: the meter was reset or replaced. Counting restarts from the new
     * value.
     */
    COUNTER_RESET(false),
    /**
     * The energy counter rose by more than the rated power could deliver since the last good
     * reading. Counting restarts from the new value.
     */
    COUNTER_JUMP(false);

    private final boolean link;

    Reason(boolean link) {
      this.link = link;
    }

    /** Whether the connection is suspect and is opened anew at the next reading. */
    public boolean isLinkFailure() {
      return link;
    }
  }

  private final Reason reason;
  private final int exceptionCode;

  public MeterException(Reason reason, String message) {
    this(reason, message, null);
  }

  public MeterException(Reason reason, String message, Throwable cause) {
    super(reason + ": " + message, cause);
    this.reason = reason;
    this.exceptionCode = -1;
  }

  private MeterException(int exceptionCode, String message) {
    super(Reason.MODBUS_EXCEPTION + ": " + message, null);
    this.reason = Reason.MODBUS_EXCEPTION;
    this.exceptionCode = exceptionCode;
  }

  /** The meter's Modbus exception response to a request for {@code what}. */
  public static MeterException modbusException(int code, String what) {
    return new MeterException(
        code, "the meter answered exception " + code + " (" + codeName(code) + ") to " + what);
  }

  public Reason reason() {
    return reason;
  }

  /** The Modbus exception code, for {@link Reason#MODBUS_EXCEPTION} only. */
  public OptionalInt exceptionCode() {
    return exceptionCode < 0 ? OptionalInt.empty() : OptionalInt.of(exceptionCode);
  }

  /** The name the Modbus application protocol specification gives an exception code. */
  static String codeName(int code) {
    return switch (code) {
      case 1 -> "illegal function";
      case 2 -> "illegal data address";
      case 3 -> "illegal data value";
      case 4 -> "server device failure";
      case 5 -> "acknowledge";
      case 6 -> "server device busy";
      case 8 -> "memory parity error";
      case 10 -> "gateway path unavailable";
      case 11 -> "gateway target device failed to respond";
      default -> "unknown code";
    };
  }
}
