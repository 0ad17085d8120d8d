package io.flytemigrate.report;

import io.flytemigrate.ir.parity.ParityEntry;
import io.flytemigrate.ir.parity.ParityReport;
import io.flytemigrate.std.JsonWriter;

/**
 * The per-pipeline parity JSON, as {@code docs/schemas/parity.schema.json} describes it: the
 * pipeline, its source file, the counts per status, and one entry per source element with {@code
 * kind}, {@code source}, {@code span} ({@code file:line:col}), {@code status}, {@code flyte} (or
 * null) and {@code reason}, in {@link ParityEntry#ORDER}.
 */
public final class ParityJson {
  /** The value of the {@code version} field; raised when a field changes meaning or goes away. */
  public static final int VERSION = 1;

  private ParityJson() {}

  public static String write(ParityReport report) {
    JsonWriter w = new JsonWriter().beginObject();
    w.name("version").number(VERSION);
    w.name("pipeline").string(report.pipeline());
    w.name("sourceFile").string(report.sourceFile());
    w.name("counts");
    Tally.of(report).write(w);
    w.name("entries").beginArray();
    for (ParityEntry e : report.entries()) {
      entry(w, e);
    }
    w.endArray();
    return w.endObject().toJson();
  }

  private static void entry(JsonWriter w, ParityEntry e) {
    w.beginObject();
    w.name("kind").string(e.kind());
    w.name("source").string(e.source());
    w.name("span").string(e.span().location());
    w.name("status").string(e.status().name());
    w.name("flyte");
    if (e.flyte().isPresent()) {
      w.string(e.flyte().get());
    } else {
      w.nul();
    }
    w.name("reason").string(e.reason());
    w.endObject();
  }
}
