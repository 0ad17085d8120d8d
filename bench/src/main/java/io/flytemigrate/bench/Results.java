package io.flytemigrate.bench;

import java.util.List;
import java.util.Optional;

/**
 * Everything one harness run measured. Lists are empty and optionals absent for the parts that
 * were skipped.
 *
 * @param archiveBytes the size of the AppCDS archive, when one could be made
 */
public record Results(
    Machine machine,
    List<BatchComparison> batches,
    List<ScalingRun.Result> scaling,
    List<ColdRun.Result> cold,
    Optional<SmallHeapRun.Result> smallHeap,
    List<CliTiming.Result> cli,
    Optional<String> cliFile,
    Optional<Long> archiveBytes) {
  public Results {
    batches = List.copyOf(batches);
    scaling = List.copyOf(scaling);
    cold = List.copyOf(cold);
    cli = List.copyOf(cli);
  }

  /** Where the figures were measured. */
  public record Machine(int cores, String java, String vm, String os, long maxHeapBytes) {
    public static Machine current() {
      return new Machine(Runtime.getRuntime().availableProcessors(),
          System.getProperty("java.version"), System.getProperty("java.vm.name"),
          System.getProperty("os.name") + " " + System.getProperty("os.arch"), Memory.maxHeapBytes());
    }
  }
}
