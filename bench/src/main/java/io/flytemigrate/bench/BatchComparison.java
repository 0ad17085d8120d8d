package io.flytemigrate.bench;

import java.util.List;

/**
 * One corpus set's batch, end to end ({@code convert}'s stages file by file), parse-only and
 * {@code inspect}, over the same replicated files, pass by pass (the passes alternate, floor
 * first, so all get the same warm-up); and the real batch command over the same directory, once
 * per thread count, each in a fresh JVM.
 */
public record BatchComparison(String set, int originals, int copies, List<BatchRun.Result> endToEnd,
    List<BatchRun.Result> floor, List<BatchRun.Result> inspect, List<CommandBatch.Result> command) {
  public BatchComparison {
    endToEnd = List.copyOf(endToEnd);
    floor = List.copyOf(floor);
    inspect = List.copyOf(inspect);
    command = List.copyOf(command);
  }

  /** The command run on one thread with the JVM's default JIT, if it was made. */
  public java.util.Optional<CommandBatch.Result> commandOnOneThread() {
    return command.stream().filter(c -> c.jobs() == 1 && c.jit() == Jit.DEFAULT).findFirst();
  }

  /**
   * The real command on one thread in a fresh JVM over the last (warm) parse-only pass, wall time:
   * what a user's one {@code convert DIR} call costs over parsing alone. NaN when not measured.
   */
  public double commandRatio() {
    return commandOnOneThread().filter(CommandBatch.Result::finished)
        .map(c -> (double) c.wallNanos() / lastFloor().wallNanos()).orElse(Double.NaN);
  }

  /** {@code inspect}'s last pass over parse-only's, wall time; NaN when it was not run. */
  public double inspectRatio() {
    return inspect.isEmpty() ? Double.NaN
        : (double) inspect.get(inspect.size() - 1).wallNanos() / lastFloor().wallNanos();
  }

  public BatchRun.Result lastEndToEnd() {
    return endToEnd.get(endToEnd.size() - 1);
  }

  public BatchRun.Result lastFloor() {
    return floor.get(floor.size() - 1);
  }

  /** End-to-end wall time over parse-only wall time, on the last (compiled) passes. */
  public double ratio() {
    return (double) lastEndToEnd().wallNanos() / lastFloor().wallNanos();
  }

  /**
   * Loading and reading alone (the first two stages of the end-to-end path) over the whole floor
   * pass, on the last passes: what the reader costs beyond the parser, without the later stages.
   */
  public double readRatio() {
    long read = firstStages(lastEndToEnd(), 2);
    long floor = firstStages(lastFloor(), lastFloor().stageNanos().size());
    return floor == 0 ? Double.NaN : (double) read / floor;
  }

  private static long firstStages(BatchRun.Result r, int n) {
    return r.stageNanos().values().stream().limit(n).mapToLong(Long::longValue).sum();
  }

  /**
   * The ratio of the passes' CPU time (of the thread that ran them): less disturbed than wall time
   * when other processes share the machine.
   */
  public double cpuRatio() {
    return (double) lastEndToEnd().cpuNanos() / lastFloor().cpuNanos();
  }

  /** The same ratio on the first passes, JIT warm-up included. */
  public double firstPassRatio() {
    return (double) endToEnd.get(0).wallNanos() / floor.get(0).wallNanos();
  }
}
