package io.flytemigrate.ir.parity;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Every element of one source pipeline and what it became, in {@link ParityEntry#ORDER}. */
public record ParityReport(String pipeline, String sourceFile, List<ParityEntry> entries) {
  public ParityReport {
    Objects.requireNonNull(pipeline, "pipeline");
    Objects.requireNonNull(sourceFile, "sourceFile");
    List<ParityEntry> sorted = new ArrayList<>(entries);
    sorted.sort(ParityEntry.ORDER);
    entries = List.copyOf(sorted);
  }

  /** How many entries have each status; every status is present, possibly with 0. */
  public Map<Fidelity, Integer> counts() {
    Map<Fidelity, Integer> counts = new EnumMap<>(Fidelity.class);
    for (Fidelity f : Fidelity.values()) {
      counts.put(f, 0);
    }
    for (ParityEntry e : entries) {
      counts.merge(e.status(), 1, Integer::sum);
    }
    return counts;
  }
}
