package org.newsmentions.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.management.OperatingSystemMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Measures one benchmark in its own JVM: wall time, process CPU time (all threads: workers, JIT,
 * GC) and heap.
 *
 * <p>Heap is reported two ways. {@code peak}: the most heap ever in use, the larger of the sum over
 * heap pools just before each collection (from GC notifications) and a 20 ms sampler; with a large
 * -Xmx this follows how lazily the collector runs more than what the job needs. {@code live}: the
 * most heap still in use right after a collection, i.e. the largest retained set: what the job
 * needs.
 */
final class ResourceMeter implements AutoCloseable {
  private final OperatingSystemMXBean os =
      (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
  private final Set<String> heapPools =
      ManagementFactory.getMemoryPoolMXBeans().stream()
          .filter(p -> p.getType() == MemoryType.HEAP)
          .map(MemoryPoolMXBean::getName)
          .collect(Collectors.toSet());
  private final AtomicLong peak = new AtomicLong();
  private final AtomicLong live = new AtomicLong();
  private final List<Runnable> unregister = new ArrayList<>();
  private final Thread sampler;
  private volatile boolean running = true;
  private final long startNanos;
  private final long startCpu;
  private long wallNanos = -1;
  private long cpuNanos = -1;

  ResourceMeter() {
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (gc instanceof NotificationEmitter emitter) {
        NotificationListener l = this::onGc;
        emitter.addNotificationListener(l, null, null);
        unregister.add(
            () -> {
              try {
                emitter.removeNotificationListener(l);
              } catch (Exception e) {
                // the JVM is about to report and exit
              }
            });
      }
    }
    sampler =
        new Thread(
            () -> {
              while (running) {
                peak.accumulateAndGet(
                    ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
                try {
                  Thread.sleep(20);
                } catch (InterruptedException e) {
                  return;
                }
              }
            },
            "heap-sampler");
    sampler.setDaemon(true);
    sampler.start();
    startNanos = System.nanoTime();
    startCpu = os.getProcessCpuTime();
  }

  private void onGc(Notification n, Object handback) {
    if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
      return;
    }
    GarbageCollectionNotificationInfo info =
        GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
    peak.accumulateAndGet(heapSum(info.getGcInfo().getMemoryUsageBeforeGc()), Math::max);
    live.accumulateAndGet(heapSum(info.getGcInfo().getMemoryUsageAfterGc()), Math::max);
  }

  private long heapSum(Map<String, MemoryUsage> usage) {
    long sum = 0;
    for (Map.Entry<String, MemoryUsage> e : usage.entrySet()) {
      if (heapPools.contains(e.getKey())) {
        sum += e.getValue().getUsed();
      }
    }
    return sum;
  }

  /** Stops the clocks; heap figures keep counting until {@link #close}. */
  void stop() {
    wallNanos = System.nanoTime() - startNanos;
    cpuNanos = os.getProcessCpuTime() - startCpu;
  }

  double wallSeconds() {
    return wallNanos / 1e9;
  }

  double cpuSeconds() {
    return cpuNanos / 1e9;
  }

  long peakHeapBytes() {
    return peak.get();
  }

  /** Largest heap in use after a collection; when no collection ran, the peak. */
  long liveHeapBytes() {
    return live.get() > 0 ? live.get() : peak.get();
  }

  static long maxHeapBytes() {
    return Runtime.getRuntime().maxMemory();
  }

  static String collectors() {
    return ManagementFactory.getGarbageCollectorMXBeans().stream()
        .map(GarbageCollectorMXBean::getName)
        .collect(Collectors.joining("+"));
  }

  @Override
  public void close() {
    if (wallNanos < 0) {
      stop();
    }
    running = false;
    sampler.interrupt();
    unregister.forEach(Runnable::run);
  }
}
