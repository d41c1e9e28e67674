package dev.setpoint.device.meter;

import com.ghgande.j2mod.modbus.Modbus;
import com.ghgande.j2mod.modbus.ModbusException;
import com.ghgande.j2mod.modbus.ModbusIOException;
import com.ghgande.j2mod.modbus.ModbusSlaveException;
import com.ghgande.j2mod.modbus.facade.AbstractModbusMaster;
import com.ghgande.j2mod.modbus.facade.ModbusSerialMaster;
import com.ghgande.j2mod.modbus.facade.ModbusTCPMaster;
import com.ghgande.j2mod.modbus.procimg.InputRegister;
import com.ghgande.j2mod.modbus.util.SerialParameters;
import dev.setpoint.device.meter.MeterException.Reason;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * An energy meter read over Modbus TCP or Modbus RTU with j2mod's master. Each reading reads the
 * mapped registers one request each, on a connection kept between readings; a link failure
 * (timeout, refused, broken frame) closes it and the next reading connects anew. A connection kept
 * from an earlier reading that fails at once (a gateway that dropped it while idle) is replaced
 * once within the same reading.
 *
 * <p>The timeout bounds the whole reading: connecting and every request get only what is left of
 * it, and j2mod's own retries are off. j2mod's TCP and serial transports wait at most that long for
 * each read from the link, so a reading ends within about the timeout; a peer that trickles a frame
 * byte by byte could stretch it, and opening a missing serial port takes j2mod's three 100 ms
 * retries whatever the timeout.
 */
public final class ModbusMeter implements Meter {
  private static final Logger LOG = Logger.getLogger(ModbusMeter.class.getName());

  private final MeterConfig config;
  private final Clock clock;
  private final Plausibility plausibility;
  private AbstractModbusMaster master;

  public ModbusMeter(MeterConfig config) {
    this(config, Clock.systemUTC());
  }

  ModbusMeter(MeterConfig config, Clock clock) {
    this.config = config;
    this.clock = clock;
    this.plausibility =
        new Plausibility(
            config.ratedPowerKw(), config.registers().get(Quantity.ENERGY).orElse(null));
  }

  @Override
  public synchronized MeterReading read() throws MeterException {
    long deadline = System.nanoTime() + config.timeout().toNanos();
    MeterReading reading = fetch(deadline);
    plausibility.check(reading);
    return reading;
  }

  @Override
  public String describe() {
    return config.link().describe()
        + " unit "
        + config.unitId()
        + " "
        + config.preset().configName()
        + " ("
        + config.registers().describe()
        + ")";
  }

  @Override
  public synchronized void close() {
    disconnect();
  }

  private MeterReading fetch(long deadline) throws MeterException {
    boolean kept = master != null;
    try {
      return fetchOnce(deadline);
    } catch (MeterException e) {
      if (!e.reason().isLinkFailure()) {
        throw e;
      }
      disconnect();
      if (!kept || e.reason() != Reason.LINK || System.nanoTime() >= deadline) {
        throw e;
      }
      LOG.fine(() -> "kept connection failed (" + e.getMessage() + "), connecting anew");
      try {
        return fetchOnce(deadline);
      } catch (MeterException again) {
        if (again.reason().isLinkFailure()) {
          disconnect();
        }
        throw again;
      }
    }
  }

  private MeterReading fetchOnce(long deadline) throws MeterException {
    if (master == null) {
      master = connect(deadline);
    }
    Map<Quantity, Double> values = new EnumMap<>(Quantity.class);
    for (Map.Entry<Quantity, Register> e : config.registers().registers().entrySet()) {
      values.put(e.getKey(), value(e.getKey(), e.getValue(), deadline));
    }
    Double it = values.get(Quantity.IT_POWER);
    return new MeterReading(
        clock.instant(),
        values.getOrDefault(Quantity.POWER, Double.NaN),
        values.getOrDefault(Quantity.ENERGY, Double.NaN),
        it == null ? OptionalDouble.empty() : OptionalDouble.of(it),
        OptionalDouble.empty(), // no register map reads the IT energy counter
        OptionalDouble.empty()); // a meter cannot tell the server fans' share of IT power apart
  }

  private double value(Quantity q, Register register, long deadline) throws MeterException {
    String what = q.key() + " at " + register.describe();
    int budget = remainingMillis(deadline, what);
    master.setTimeout(budget);
    long start = System.nanoTime();
    InputRegister[] answer;
    try {
      answer =
          switch (register.kind()) {
            case INPUT ->
                master.readInputRegisters(config.unitId(), register.address(), register.words());
            case HOLDING ->
                master.readMultipleRegisters(config.unitId(), register.address(), register.words());
          };
    } catch (ModbusSlaveException e) {
      throw MeterException.modbusException(e.getType(), "a read of " + what);
    } catch (ModbusIOException e) {
      throw linkFailure(e, what, start, budget);
    } catch (ModbusException e) {
      throw new MeterException(
          Reason.LINK, "no answer to a read of " + what + ": " + e.getMessage(), e);
    }
    if (answer == null || answer.length != register.words()) {
      throw new MeterException(
          Reason.LINK,
          "the meter answered "
              + (answer == null ? 0 : answer.length)
              + " registers to a read of "
              + what);
    }
    int[] words = new int[answer.length];
    for (int i = 0; i < answer.length; i++) {
      words[i] = answer[i].toUnsignedShort();
    }
    double value = register.value(words);
    if (!Double.isFinite(value)) {
      throw new MeterException(Reason.NONSENSE, what + " reads " + value);
    }
    return value;
  }

  /**
   * j2mod reports a read that timed out, a closed connection and a broken frame alike as a {@link
   * ModbusIOException}, told apart only by its message; a failure that took the whole budget is a
   * timeout whatever the message says (a serial read that timed out says "cannot read").
   */
  private static MeterException linkFailure(
      ModbusIOException e, String what, long start, int budget) {
    String message = String.valueOf(e.getMessage());
    String lower = message.toLowerCase(Locale.ROOT);
    long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    if (lower.contains("timeout") || lower.contains("timed out") || took >= budget) {
      return new MeterException(
          Reason.TIMEOUT, "no answer within " + budget + " ms to a read of " + what, e);
    }
    if (lower.contains("refused")) {
      return new MeterException(Reason.CONNECTION_REFUSED, message, e);
    }
    return new MeterException(Reason.LINK, "a read of " + what + " failed: " + message, e);
  }

  private AbstractModbusMaster connect(long deadline) throws MeterException {
    int budget = remainingMillis(deadline, "connecting");
    AbstractModbusMaster m;
    try {
      m = newMaster(budget);
    } catch (RuntimeException e) {
      // j2mod resolves the TCP host in the constructor and wraps UnknownHostException
      throw new MeterException(
          Reason.LINK, "cannot reach " + config.link().describe() + ": " + rootMessage(e), e);
    }
    try {
      m.connect();
    } catch (Exception e) {
      m.disconnect();
      throw connectFailure(e, budget);
    }
    m.setRetries(1); // one try: j2mod's default of 5 would multiply the timeout
    return m;
  }

  private AbstractModbusMaster newMaster(int timeoutMillis) {
    return switch (config.link()) {
      case MeterConfig.Tcp tcp -> new ModbusTCPMaster(tcp.host(), tcp.port(), timeoutMillis, false);
      case MeterConfig.Rtu rtu -> {
        SerialParameters p = new SerialParameters();
        p.setPortName(rtu.port());
        p.setBaudRate(rtu.baud());
        p.setDatabits(rtu.dataBits());
        p.setStopbits(Integer.toString(rtu.stopBits()));
        p.setParity(rtu.parity());
        p.setEncoding(Modbus.SERIAL_ENCODING_RTU);
        yield new ModbusSerialMaster(p, timeoutMillis);
      }
    };
  }

  private MeterException connectFailure(Exception e, int budget) {
    String where = config.link().describe();
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SocketTimeoutException) {
        return new MeterException(
            Reason.TIMEOUT, "no connection to " + where + " within " + budget + " ms", e);
      }
      if (t instanceof ConnectException && String.valueOf(t.getMessage()).contains("refused")) {
        return new MeterException(Reason.CONNECTION_REFUSED, where + " refused the connection", e);
      }
    }
    return new MeterException(Reason.LINK, "cannot connect to " + where + ": " + rootMessage(e), e);
  }

  private static int remainingMillis(long deadline, String what) throws MeterException {
    long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
    if (left < 1) {
      throw new MeterException(Reason.TIMEOUT, "the reading's time was up before " + what);
    }
    return (int) Math.min(left, Integer.MAX_VALUE);
  }

  private void disconnect() {
    if (master != null) {
      try {
        master.disconnect();
      } catch (RuntimeException e) {
        LOG.fine(() -> "closing the meter connection: " + e);
      }
      master = null;
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.toString() : t.getMessage();
  }
}
