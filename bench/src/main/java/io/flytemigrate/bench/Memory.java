package io.flytemigrate.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

/**
 * The memory a run used: the peak of the Java heap (summed over the heap pools' peaks, which is
 * what the collectors saw at their fullest) and the peak resident set of the process, from
 * {@code VmHWM} in {@code /proc/self/status} (Linux only; absent elsewhere).
 */
public final class Memory {
  private Memory() {}

  /** Forgets earlier peaks, so the next {@link #peakHeapBytes()} covers only what follows. */
  public static void resetPeaks() {
    for (MemoryPoolMXBean pool : heapPools()) {
      pool.resetPeakUsage();
    }
  }

  /** The sum of every heap pool's peak usage since the last {@link #resetPeaks()}. */
  public static long peakHeapBytes() {
    long sum = 0;
    for (MemoryPoolMXBean pool : heapPools()) {
      sum += pool.getPeakUsage().getUsed();
    }
    return sum;
  }

  /** The largest heap the JVM may grow to ({@code -Xmx}). */
  public static long maxHeapBytes() {
    return Runtime.getRuntime().maxMemory();
  }

  /** The process's peak resident set size, if the platform tells. */
  public static OptionalLong peakRssBytes() {
    Path status = Path.of("/proc/self/status");
    if (!Files.isReadable(status)) {
      return OptionalLong.empty();
    }
    try {
      return parseVmHwm(Files.readString(status, StandardCharsets.UTF_8));
    } catch (IOException e) {
      return OptionalLong.empty();
    }
  }

  /** The {@code VmHWM:   12345 kB} line of a {@code /proc/<pid>/status} text, in bytes. */
  static OptionalLong parseVmHwm(String status) {
    for (String line : status.split("\n")) {
      if (line.startsWith("VmHWM:")) {
        String[] parts = line.substring("VmHWM:".length()).trim().split("\\s+");
        try {
          long value = Long.parseLong(parts[0]);
          return OptionalLong.of(parts.length > 1 && parts[1].equalsIgnoreCase("kB") ? value * 1024 : value);
        } catch (NumberFormatException e) {
          return OptionalLong.empty();
        }
      }
    }
    return OptionalLong.empty();
  }

  private static List<MemoryPoolMXBean> heapPools() {
    return ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(p -> p.getType() == MemoryType.HEAP && p.isValid())
        .toList();
  }
}
