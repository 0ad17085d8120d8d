package io.flytemigrate.report;

import io.flytemigrate.ir.diag.Diagnostic;
import io.flytemigrate.ir.diag.DiagnosticRenderer;
import io.flytemigrate.ir.diag.Severity;
import io.flytemigrate.std.JsonWriter;
import java.util.List;

/**
 * {@code summary.json}, as {@code docs/schemas/summary.schema.json} describes it: the batch
 * totals, then per input its path, status, pipeline, diagnostics (the objects of {@link
 * DiagnosticRenderer#write}), the Flyte ids produced and the parity counts, then the merged tasks.
 */
public final class BatchSummary {
  /** The value of the {@code version} field; raised when a field changes meaning or goes away. */
  public static final int VERSION = 1;

  private BatchSummary() {}

  public static String write(BatchResult batch) {
    BatchTotals totals = BatchTotals.of(batch);
    JsonWriter w = new JsonWriter().beginObject();
    w.name("version").number(VERSION);
    w.name("totals").beginObject();
    w.name("inputs").number(totals.inputs());
    for (InputStatus s : InputStatus.values()) {
      w.name(s.label()).number(totals.byStatus().get(s));
    }
    w.name("diagnostics").beginObject();
    for (Severity s : Severity.values()) {
      w.name(s.label()).number(totals.bySeverity().get(s));
    }
    w.endObject();
    w.name("parity");
    totals.parity().write(w);
    w.name("flyte").beginObject();
    w.name("tasks").number(totals.tasks());
    w.name("workflows").number(totals.workflows());
    w.name("launchPlans").number(totals.launchPlans());
    w.endObject();
    w.name("merged").number(totals.merged());
    w.endObject();

    w.name("inputs").beginArray();
    for (InputResult r : batch.inputs()) {
      input(w, r);
    }
    w.endArray();

    w.name("merged").beginArray();
    for (MergedTask m : batch.merged()) {
      w.beginObject();
      w.name("task").string(m.task());
      w.name("replaced").beginArray();
      for (MergedTask.Replaced c : m.replaced()) {
        w.beginObject().name("input").string(c.input()).name("component").string(c.component()).endObject();
      }
      w.endArray();
      w.endObject();
    }
    w.endArray();
    return w.endObject().toJson();
  }

  private static void input(JsonWriter w, InputResult r) {
    w.beginObject();
    w.name("path").string(r.path());
    w.name("status").string(r.status().label());
    w.name("pipeline");
    if (r.pipeline().isPresent()) {
      w.string(r.pipeline().get());
    } else {
      w.nul();
    }
    w.name("diagnostics").beginArray();
    for (Diagnostic d : r.diagnostics()) {
      DiagnosticRenderer.write(w, d);
    }
    w.endArray();
    w.name("flyte").beginObject();
    strings(w, "tasks", r.produced().tasks());
    strings(w, "workflows", r.produced().workflows());
    strings(w, "launchPlans", r.produced().launchPlans());
    w.endObject();
    w.name("parity");
    if (r.report().isPresent()) {
      Tally.of(r.report().get().parity()).write(w);
    } else {
      w.nul();
    }
    w.endObject();
  }

  private static void strings(JsonWriter w, String name, List<String> values) {
    w.name(name).beginArray();
    for (String v : values) {
      w.string(v);
    }
    w.endArray();
  }
}
