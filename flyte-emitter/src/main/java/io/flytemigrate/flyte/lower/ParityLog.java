package io.flytemigrate.flyte.lower;

import io.flytemigrate.ir.diag.Span;
import io.flytemigrate.ir.parity.ParityEntry;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** Collects the parity rows of one lowering; every lowering class writes here. */
final class ParityLog {
  private final List<ParityEntry> entries = new ArrayList<>();

  void exact(String kind, String source, Span span, String flyte) {
    entries.add(ParityEntry.exact(kind, source, span, flyte));
  }

  /** EXACT with a comment saying how it was translated. */
  void exact(String kind, String source, Span span, String flyte, String note) {
    entries.add(new ParityEntry(kind, source, span, io.flytemigrate.ir.parity.Fidelity.EXACT,
        java.util.Optional.of(flyte), note));
  }

  void approximated(String kind, String source, Span span, String flyte, String reason) {
    entries.add(ParityEntry.approximated(kind, source, span, flyte, reason));
  }

  void dropped(String kind, String source, Span span, String reason) {
    entries.add(ParityEntry.dropped(kind, source, span, reason));
  }

  /** Every row, without exact duplicates, in the order recorded. */
  List<ParityEntry> entries() {
    return List.copyOf(new LinkedHashSet<>(entries));
  }
}
