package io.flytemigrate.report;

import io.flytemigrate.ir.diag.Code;
import io.flytemigrate.ir.diag.Codes;
import io.flytemigrate.ir.diag.Diagnostic;
import io.flytemigrate.ir.diag.Label;
import io.flytemigrate.ir.diag.Span;
import io.flytemigrate.std.JsonWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code diagnostics.sarif}: a SARIF 2.1.0 log with one run of the {@code flyte-migrate} driver,
 * one rule per diagnostic code used (id, name, short description and default level from {@link
 * Codes}, a {@code help} text naming {@code flyte-migrate explain ID} and the docs page, and
 * {@code helpUri} when an absolute base for the pages is given), and one result per
 * diagnostic with its rule, level, message and location. Artifact URIs are the paths as the user
 * gave them, percent-encoded as relative references; columns count UTF-16 code units, as {@link
 * Span} does, and the run says so. Results are in {@link Diagnostic#ORDER}; nothing depends on the
 * clock or the machine.
 */
public final class Sarif {
  /** The SARIF schema the log declares. */
  public static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

  /** Where rules' help pages are in the sources: the docs folder, relative to the repository root. */
  public static final String DOCS = "docs/diagnostics/";

  private Sarif() {}

  /** The log for every diagnostic of every input of the batch. */
  public static String write(BatchResult batch) {
    List<Diagnostic> all = new ArrayList<>();
    for (InputResult r : batch.inputs()) {
      all.addAll(r.diagnostics());
    }
    return write(all);
  }

  /** The log for these diagnostics, in any order. */
  public static String write(List<Diagnostic> diagnostics) {
    return write(diagnostics, "");
  }

  /**
   * The log with a place for the help pages: {@code helpUri} is {@code helpBase + id + ".md"}.
   * SARIF requires {@code helpUri} to be an absolute URI (such as the pages' web address), so with
   * an empty base it is left out and the {@code help} text alone points to the page.
   */
  public static String write(List<Diagnostic> diagnostics, String helpBase) {
    List<Diagnostic> sorted = new ArrayList<>(diagnostics);
    sorted.sort(Diagnostic.ORDER);
    Map<String, Code> rules = new TreeMap<>();
    for (Diagnostic d : sorted) {
      rules.putIfAbsent(d.code().id(), Codes.byId(d.code().id()).orElse(d.code()));
    }
    List<String> ruleIds = new ArrayList<>(rules.keySet());

    JsonWriter w = new JsonWriter().beginObject();
    w.name("$schema").string(SCHEMA);
    w.name("version").string("2.1.0");
    w.name("runs").beginArray().beginObject();
    w.name("tool").beginObject().name("driver").beginObject();
    w.name("name").string("flyte-migrate");
    w.name("rules").beginArray();
    for (Code c : rules.values()) {
      w.beginObject();
      w.name("id").string(c.id());
      w.name("name").string(c.name());
      w.name("shortDescription").beginObject().name("text").string(c.summary()).endObject();
      w.name("help").beginObject().name("text").string("Run `flyte-migrate explain " + c.id() + "`, or read "
          + DOCS + c.id() + ".md in the flyte-migrate sources.").endObject();
      if (!helpBase.isEmpty()) {
        w.name("helpUri").string(helpBase + c.id() + ".md");
      }
      w.name("defaultConfiguration").beginObject().name("level").string(c.defaultSeverity().label()).endObject();
      w.endObject();
    }
    w.endArray();
    w.endObject().endObject();
    w.name("columnKind").string("utf16CodeUnits");
    w.name("results").beginArray();
    for (Diagnostic d : sorted) {
      result(w, d, ruleIds.indexOf(d.code().id()));
    }
    w.endArray();
    w.endObject().endArray();
    return w.endObject().toJson();
  }

  private static void result(JsonWriter w, Diagnostic d, int ruleIndex) {
    w.beginObject();
    w.name("ruleId").string(d.code().id());
    w.name("ruleIndex").number(ruleIndex);
    w.name("level").string(d.severity().label());
    w.name("message").beginObject().name("text").string(d.message()).endObject();
    w.name("locations").beginArray();
    if (!d.span().file().isEmpty()) {
      w.beginObject();
      physicalLocation(w, d.span());
      w.endObject();
    }
    w.endArray();
    List<Label> related = d.related().stream().filter(l -> !l.span().file().isEmpty()).toList();
    if (!related.isEmpty()) {
      w.name("relatedLocations").beginArray();
      for (int i = 0; i < related.size(); i++) {
        w.beginObject();
        w.name("id").number(i);
        physicalLocation(w, related.get(i).span());
        w.name("message").beginObject().name("text").string(related.get(i).message()).endObject();
        w.endObject();
      }
      w.endArray();
    }
    if (d.help().isPresent()) {
      w.name("properties").beginObject().name("help").string(d.help().get()).endObject();
    }
    w.endObject();
  }

  private static void physicalLocation(JsonWriter w, Span s) {
    w.name("physicalLocation").beginObject();
    w.name("artifactLocation").beginObject().name("uri").string(uri(s.file())).endObject();
    if (s.line() >= 1) {
      w.name("region").beginObject();
      w.name("startLine").number(s.line());
      if (s.column() >= 1) {
        w.name("startColumn").number(s.column());
      }
      w.name("endLine").number(Math.max(s.endLine(), s.line()));
      if (s.column() >= 1 && s.endColumn() >= 1) {
        w.name("endColumn").number(s.endColumn());
      }
      w.endObject();
    }
    w.endObject();
  }

  /**
   * A path as a relative URI reference: {@code /} separates segments (a Windows {@code \} too),
   * and every byte outside the unreserved characters is percent-encoded, {@code :} included, so no
   * segment reads as a scheme.
   */
  static String uri(String path) {
    var b = new StringBuilder();
    for (byte x : path.replace('\\', '/').getBytes(StandardCharsets.UTF_8)) {
      int c = x & 0xff;
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_'
          || c == '~' || c == '/') {
        b.append((char) c);
      } else {
        b.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return b.toString();
  }
}
