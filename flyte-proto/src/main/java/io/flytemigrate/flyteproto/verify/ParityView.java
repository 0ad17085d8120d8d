package io.flytemigrate.flyteproto.verify;

import io.flytemigrate.ir.diag.Span;
import io.flytemigrate.ir.parity.Fidelity;
import io.flytemigrate.ir.parity.ParityEntry;
import io.flytemigrate.ir.parity.ParityReport;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the translation reported about source elements, looked up by kind and name. The entries
 * are grouped by source name once, so a lookup reads only the entries of its name, in report
 * order, instead of the whole report for every node and binding.
 */
final class ParityView {
  private final Map<String, List<ParityEntry>> bySource = new HashMap<>();

  ParityView(Optional<ParityReport> report) {
    for (ParityEntry e : report.map(ParityReport::entries).orElse(List.of())) {
      bySource.computeIfAbsent(e.source(), k -> new ArrayList<>(1)).add(e);
    }
  }

  /** Whether an element of any of these kinds, this name and this place was reported DROPPED. */
  boolean dropped(String name, Span span, String... kinds) {
    return status(name, span, kinds).filter(f -> f == Fidelity.DROPPED).isPresent();
  }

  /**
   * The status reported for the element, if any; DROPPED wins over others of the same name. An
   * entry matches when its span is the element's, or when either has no known span.
   */
  Optional<Fidelity> status(String name, Span span, String... kinds) {
    Optional<Fidelity> found = Optional.empty();
    for (ParityEntry e : bySource.getOrDefault(name, List.of())) {
      boolean here = !e.span().isKnown() || !span.isKnown() || e.span().equals(span);
      if (here && (kinds.length == 0 || List.of(kinds).contains(e.kind()))) {
        if (e.status() == Fidelity.DROPPED) {
          return Optional.of(Fidelity.DROPPED);
        }
        if (found.isEmpty() || e.status() == Fidelity.APPROXIMATED) {
          found = Optional.of(e.status());
        }
      }
    }
    return found;
  }

  boolean approximated(String name, Span span, String... kinds) {
    return status(name, span, kinds).filter(f -> f == Fidelity.APPROXIMATED).isPresent();
  }
}
