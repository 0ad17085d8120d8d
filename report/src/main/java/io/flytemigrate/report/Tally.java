package io.flytemigrate.report;

import io.flytemigrate.ir.parity.Fidelity;
import io.flytemigrate.ir.parity.ParityReport;
import io.flytemigrate.std.JsonWriter;
import java.util.Map;

/** How many parity entries have each status, for one pipeline or summed over a batch. */
record Tally(int exact, int approximated, int dropped) {
  static final Tally ZERO = new Tally(0, 0, 0);

  static Tally of(ParityReport report) {
    Map<Fidelity, Integer> counts = report.counts();
    return new Tally(counts.get(Fidelity.EXACT), counts.get(Fidelity.APPROXIMATED), counts.get(Fidelity.DROPPED));
  }

  Tally plus(Tally other) {
    return new Tally(exact + other.exact, approximated + other.approximated, dropped + other.dropped);
  }

  int total() {
    return exact + approximated + dropped;
  }

  int get(Fidelity status) {
    return switch (status) {
      case EXACT -> exact;
      case APPROXIMATED -> approximated;
      case DROPPED -> dropped;
    };
  }

  /** {@code 12 elements: 9 exact, 2 approximated, 1 dropped}. */
  String text() {
    return total() + (total() == 1 ? " element: " : " elements: ") + exact + " exact, " + approximated + " approximated, "
        + dropped + " dropped";
  }

  /** The counts object of the parity JSON and of {@code summary.json}. */
  void write(JsonWriter w) {
    w.beginObject();
    for (Fidelity f : Fidelity.values()) {
      w.name(f.name()).number(get(f));
    }
    w.name("total").number(total());
    w.endObject();
  }
}
