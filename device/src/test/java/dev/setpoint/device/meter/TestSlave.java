package dev.setpoint.device.meter;

import com.ghgande.j2mod.modbus.ModbusException;
import com.ghgande.j2mod.modbus.procimg.SimpleInputRegister;
import com.ghgande.j2mod.modbus.procimg.SimpleProcessImage;
import com.ghgande.j2mod.modbus.procimg.SimpleRegister;
import com.ghgande.j2mod.modbus.slave.ModbusSlave;
import com.ghgande.j2mod.modbus.slave.ModbusSlaveFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * A real j2mod Modbus TCP slave on a free loopback port, unit 1, whose process image holds 0x100
 * input and 0x100 holding registers (all 0) that a test sets; an address at or past 0x100 answers
 * exception 2 (illegal data address). Public for the agent's tests, which read it through the
 * agent.
 */
public final class TestSlave implements AutoCloseable {
  public static final int UNIT = 1;
  public static final int SIZE = 0x100;

  private final SimpleProcessImage image = new SimpleProcessImage(UNIT);
  private final int port;
  private ModbusSlave slave;

  public TestSlave() throws ModbusException {
    for (int i = 0; i < SIZE; i++) {
      image.addInputRegister(new SimpleInputRegister(0));
      image.addRegister(new SimpleRegister(0));
    }
    port = freePort();
    start();
  }

  public int port() {
    return port;
  }

  /** Starts listening (again) on the same port. */
  public void start() throws ModbusException {
    slave = ModbusSlaveFactory.createTCPSlave(InetAddress.getLoopbackAddress(), port, 4, false);
    slave.addProcessImage(UNIT, image);
    slave.open();
  }

  /** Stops listening; a connection it had may still be served until its handler notices. */
  public void stop() {
    if (slave != null) {
      slave.close();
      slave = null;
    }
  }

  public void input(int address, int... words) {
    for (int i = 0; i < words.length; i++) {
      ((SimpleInputRegister) image.getInputRegister(address + i)).setValue(words[i]);
    }
  }

  public void holding(int address, int... words) {
    for (int i = 0; i < words.length; i++) {
      image.getRegister(address + i).setValue(words[i]);
    }
  }

  /** A float32 as two registers, high word first. */
  public static int[] float32(float value) {
    int bits = Float.floatToRawIntBits(value);
    return new int[] {bits >>> 16, bits & 0xFFFF};
  }

  /** An int32 as two registers, low word first (Carlo Gavazzi's order). */
  public static int[] int32Swapped(int value) {
    return new int[] {value & 0xFFFF, value >>> 16};
  }

  /** A 64-bit integer as four registers, high word first. */
  public static int[] int64(long value) {
    return new int[] {
      (int) (value >>> 48) & 0xFFFF,
      (int) (value >>> 32) & 0xFFFF,
      (int) (value >>> 16) & 0xFFFF,
      (int) value & 0xFFFF
    };
  }

  public static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    stop();
  }
}
