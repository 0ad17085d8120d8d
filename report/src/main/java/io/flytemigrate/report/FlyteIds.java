package io.flytemigrate.report;

import java.util.List;
import java.util.TreeSet;

/**
 * The ids of the Flyte entities a conversion produced for one input. Each list is kept sorted and
 * without duplicates, whatever order the caller gives.
 */
public record FlyteIds(List<String> tasks, List<String> workflows, List<String> launchPlans) {
  /** Nothing produced. */
  public static final FlyteIds NONE = new FlyteIds(List.of(), List.of(), List.of());

  public FlyteIds {
    tasks = List.copyOf(new TreeSet<>(tasks));
    workflows = List.copyOf(new TreeSet<>(workflows));
    launchPlans = List.copyOf(new TreeSet<>(launchPlans));
  }
}
