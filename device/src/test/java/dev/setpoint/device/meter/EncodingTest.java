package dev.setpoint.device.meter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EncodingTest {

  @Test
  void float32HighWordFirstAndSwapped() {
    int bits = Float.floatToRawIntBits(230.5f);
    int hi = bits >>> 16;
    int lo = bits & 0xFFFF;

    assertEquals(230.5, Encoding.FLOAT32.decode(new int[] {hi, lo}));
    assertEquals(230.5, Encoding.FLOAT32_SWAPPED.decode(new int[] {lo, hi}));
    assertTrue(Double.isNaN(Encoding.FLOAT32.decode(new int[] {0x7FC0, 0})));
  }

  @Test
  void sixteenBitSignedAndUnsigned() {
    assertEquals(-2, Encoding.INT16.decode(new int[] {0xFFFE}));
    assertEquals(65534, Encoding.UINT16.decode(new int[] {0xFFFE}));
  }

  @Test
  void thirtyTwoBitInBothWordOrders() {
    assertEquals(-1000, Encoding.INT32.decode(new int[] {0xFFFF, 0xFC18}));
    assertEquals(-1000, Encoding.INT32_SWAPPED.decode(new int[] {0xFC18, 0xFFFF}));
    assertEquals(4_294_967_295.0, Encoding.UINT32.decode(new int[] {0xFFFF, 0xFFFF}));
    assertEquals(65_536 + 2, Encoding.UINT32_SWAPPED.decode(new int[] {2, 1}));
  }

  @Test
  void sixtyFourBitCountersIncludingTheTopBit() {
    assertEquals(123_456_789, Encoding.INT64.decode(TestSlave.int64(123_456_789L)));
    assertEquals(-5, Encoding.INT64.decode(TestSlave.int64(-5L)));
    assertEquals(
        18_446_744_073_709_551_615.0,
        Encoding.UINT64.decode(new int[] {0xFFFF, 0xFFFF, 0xFFFF, 0xFFFF}));
    int[] words = TestSlave.int64(1L << 40);
    int[] swapped = {words[3], words[2], words[1], words[0]};
    assertEquals(Math.pow(2, 40), Encoding.UINT64_SWAPPED.decode(swapped));
  }

  @Test
  void theWordCountMustMatch() {
    assertThrows(IllegalArgumentException.class, () -> Encoding.INT32.decode(new int[] {1}));
  }

  @Test
  void namesAsConfigurationWritesThem() {
    assertSame(Encoding.UINT32_SWAPPED, Encoding.byName("uint32-swapped"));
    assertSame(Encoding.FLOAT32, Encoding.byName(" Float32 "));
    assertNull(Encoding.byName("float64"));
    assertEquals("int64-swapped", Encoding.INT64_SWAPPED.configName());
  }

  @Test
  void aRegisterScalesToTheQuantitysUnit() {
    Register power = new Register(Register.Kind.INPUT, 0x28, Encoding.INT32_SWAPPED, 0.0001);

    assertEquals(12.3456, power.value(TestSlave.int32Swapped(123_456)), 1e-12);
    assertEquals(0.0001, power.resolution(12.3456), 1e-15);
    assertEquals("input 0x0028 int32-swapped x1.0E-4", power.describe());
    assertThrows(
        IllegalArgumentException.class,
        () -> new Register(Register.Kind.INPUT, 0xFFFF, Encoding.FLOAT32, 1));
  }
}
