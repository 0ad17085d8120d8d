package io.flytemigrate.report;

import io.flytemigrate.ir.diag.Severity;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The totals over a batch that {@code summary.json}, the batch Markdown and the HTML index show.
 * Flyte ids are counted once however many inputs share them, so a merged task counts once.
 */
record BatchTotals(
    int inputs,
    Map<InputStatus, Integer> byStatus,
    Map<Severity, Integer> bySeverity,
    Tally parity,
    int tasks,
    int workflows,
    int launchPlans,
    int merged) {

  static BatchTotals of(BatchResult batch) {
    Map<InputStatus, Integer> byStatus = new TreeMap<>();
    for (InputStatus s : InputStatus.values()) {
      byStatus.put(s, 0);
    }
    Map<Severity, Integer> bySeverity = new TreeMap<>();
    for (Severity s : Severity.values()) {
      bySeverity.put(s, 0);
    }
    Tally parity = Tally.ZERO;
    Set<String> tasks = new TreeSet<>();
    Set<String> workflows = new TreeSet<>();
    Set<String> launchPlans = new TreeSet<>();
    for (InputResult r : batch.inputs()) {
      byStatus.merge(r.status(), 1, Integer::sum);
      for (Severity s : Severity.values()) {
        bySeverity.merge(s, r.count(s), Integer::sum);
      }
      if (r.report().isPresent()) {
        parity = parity.plus(Tally.of(r.report().get().parity()));
      }
      tasks.addAll(r.produced().tasks());
      workflows.addAll(r.produced().workflows());
      launchPlans.addAll(r.produced().launchPlans());
    }
    return new BatchTotals(batch.inputs().size(), Map.copyOf(byStatus), Map.copyOf(bySeverity), parity, tasks.size(),
        workflows.size(), launchPlans.size(), batch.merged().size());
  }

  /** {@code 3 inputs: 2 converted, 1 failed, 0 skipped}. */
  String inputsText() {
    return inputs + (inputs == 1 ? " input: " : " inputs: ") + byStatus.get(InputStatus.CONVERTED) + " converted, "
        + byStatus.get(InputStatus.FAILED) + " failed, " + byStatus.get(InputStatus.SKIPPED) + " skipped";
  }

  /** {@code 2 errors, 1 warning, 0 notes}. */
  String diagnosticsText() {
    return DiagnosticCounts.text(bySeverity.get(Severity.ERROR), bySeverity.get(Severity.WARNING), bySeverity.get(Severity.NOTE));
  }

  /** {@code 5 tasks, 2 workflows, 2 launch plans}. */
  String flyteText() {
    return plural(tasks, "task") + ", " + plural(workflows, "workflow") + ", " + plural(launchPlans, "launch plan");
  }

  static String plural(int n, String word) {
    return n + " " + word + (n == 1 ? "" : "s");
  }
}
