package io.flytemigrate.bench;

import java.util.List;
import java.util.Optional;

/**
 * Everything one harness run measured. Lists are empty and optionals absent for the parts that
 * were skipped.
 *
 * @param smallHeap the per-file loop over a large batch in a small heap
 * @param smallHeapCommand the real batch command over the same files in the same heap
 * @param lowering where the emitter's lowering spends its time, by pass
 * @param archiveBytes the size of the AppCDS archive, when one could be made
 */
public record Results(
    Machine machine,
    List<BatchComparison> batches,
    List<ScalingRun.Result> scaling,
    List<ColdRun.Result> cold,
    Optional<SmallHeapRun.Result> smallHeap,
    Optional<CommandBatch.Result> smallHeapCommand,
    Optional<LoweringProfile.Result> lowering,
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
