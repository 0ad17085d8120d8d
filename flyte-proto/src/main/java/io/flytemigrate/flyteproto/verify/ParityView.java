package io.flytemigrate.flyteproto.verify;

import io.flytemigrate.ir.diag.Span;
import io.flytemigrate.ir.parity.Fidelity;
import io.flytemigrate.ir.parity.ParityEntry;
import io.flytemigrate.ir.parity.ParityReport;
import java.util.List;
import java.util.Optional;

/** What the translation reported about source elements, looked up by kind and name. */
final class ParityView {
  private final List<ParityEntry> entries;

  ParityView(Optional<ParityReport> report) {
    this.entries = report.map(ParityReport::entries).orElse(List.of());
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
    for (ParityEntry e : entries) {
      boolean here = !e.span().isKnown() || !span.isKnown() || e.span().equals(span);
      if (here && e.source().equals(name) && (kinds.length == 0 || List.of(kinds).contains(e.kind()))) {
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
