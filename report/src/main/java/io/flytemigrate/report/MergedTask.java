package io.flytemigrate.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * One Flyte task shared by several pipelines of a batch, because their components were identical.
 *
 * @param task the shared task's Flyte id
 * @param replaced the source components it stands for, kept sorted by input then component
 */
public record MergedTask(String task, List<Replaced> replaced) {
  public MergedTask {
    Objects.requireNonNull(task, "task");
    List<Replaced> sorted = new ArrayList<>(replaced);
    sorted.sort(Comparator.comparing(Replaced::input).thenComparing(Replaced::component));
    replaced = List.copyOf(sorted);
  }

  /**
   * A source component the shared task replaced.
   *
   * @param input the path of the input it comes from, as in {@link InputResult#path()}
   * @param component the component's id in that input
   */
  public record Replaced(String input, String component) {
    public Replaced {
      Objects.requireNonNull(input, "input");
      Objects.requireNonNull(component, "component");
    }
  }
}
