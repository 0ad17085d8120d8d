package io.flytemigrate.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Watches garbage collections and keeps the largest heap that was still in use right after one:
 * the live set, which is what a streaming batch must keep flat (a batch that held every pipeline
 * would see it grow with each file). Peak usage alone also counts garbage not yet collected.
 */
public final class LiveHeap implements AutoCloseable {
  private final AtomicLong peak = new AtomicLong();
  private final AtomicLong collections = new AtomicLong();
  private final List<NotificationEmitter> emitters = new ArrayList<>();
  private final NotificationListener listener = this::onNotification;

  private LiveHeap() {}

  /** Starts watching every collector of this JVM. */
  public static LiveHeap watch() {
    LiveHeap w = new LiveHeap();
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (gc instanceof NotificationEmitter e) {
        e.addNotificationListener(w.listener, null, null);
        w.emitters.add(e);
      }
    }
    return w;
  }

  /** The largest heap in use after any collection seen so far, in bytes (0 if none ran). */
  public long peakBytes() {
    return peak.get();
  }

  /** How many collections ran while watching. */
  public long collections() {
    return collections.get();
  }

  private void onNotification(Notification n, Object handback) {
    if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
      return;
    }
    GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
    long used = 0;
    for (Map.Entry<String, MemoryUsage> e : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
      if (isHeapPool(e.getKey())) {
        used += e.getValue().getUsed();
      }
    }
    collections.incrementAndGet();
    peak.accumulateAndGet(used, Math::max);
  }

  /** Heap pools by name, for every collector of HotSpot (metaspace and code cache are not heap). */
  private static boolean isHeapPool(String pool) {
    String p = pool.toLowerCase(java.util.Locale.ROOT);
    return !(p.contains("metaspace") || p.contains("code") || p.contains("class space") || p.contains("profiled"));
  }

  @Override
  public void close() {
    for (NotificationEmitter e : emitters) {
      try {
        e.removeNotificationListener(listener);
      } catch (ListenerNotFoundException ignored) {
        // already gone
      }
    }
  }
}
