package io.flytemigrate.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Everything a batch conversion reports, in a fixed order whatever order the inputs finished in:
 * inputs by path (then pipeline name), merged tasks by task id.
 */
public record BatchResult(List<InputResult> inputs, List<MergedTask> merged) {
  public BatchResult {
    List<InputResult> byPath = new ArrayList<>(inputs);
    byPath.sort(Comparator.comparing(InputResult::path).thenComparing(r -> r.pipeline().orElse("")));
    inputs = List.copyOf(byPath);
    List<MergedTask> byTask = new ArrayList<>(merged);
    byTask.sort(Comparator.comparing(MergedTask::task));
    merged = List.copyOf(byTask);
  }

  /** A batch without shared tasks. */
  public static BatchResult of(List<InputResult> inputs) {
    return new BatchResult(inputs, List.of());
  }
}
