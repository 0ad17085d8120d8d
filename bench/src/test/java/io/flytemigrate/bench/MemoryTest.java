package io.flytemigrate.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class MemoryTest {
  @Test
  void peakRssIsReadFromVmHwmInKilobytes() {
    String status = "Name:\tjava\nVmPeak:\t 5000000 kB\nVmHWM:\t  204800 kB\nVmRSS:\t  100000 kB\n";
    assertEquals(OptionalLong.of(204_800L * 1024), Memory.parseVmHwm(status));
  }

  @Test
  void noVmHwmLineMeansUnknown() {
    assertEquals(OptionalLong.empty(), Memory.parseVmHwm("Name:\tjava\n"));
    assertEquals(OptionalLong.empty(), Memory.parseVmHwm("VmHWM:\tlots kB\n"));
  }

  @Test
  void thePeakHeapCoversWhatWasJustAllocated() {
    Memory.resetPeaks();
    byte[][] hold = new byte[8][];
    for (int i = 0; i < hold.length; i++) {
      hold[i] = new byte[1 << 20];
    }
    assertTrue(Memory.peakHeapBytes() >= 8L << 20, () -> "peak " + Memory.peakHeapBytes());
    assertEquals(8, hold.length);
  }
}
