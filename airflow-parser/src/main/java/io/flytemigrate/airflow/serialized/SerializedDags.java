package io.flytemigrate.airflow.serialized;

import io.flytemigrate.airflow.model.DagModel;
import io.flytemigrate.ir.diag.Codes;
import io.flytemigrate.ir.diag.DiagnosticSink;
import io.flytemigrate.ir.diag.SourceFile;
import io.flytemigrate.ir.diag.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the serialized DAGs in a JSON file: one {@code {"__version", "dag"}} document, a DAG
 * processor result ({@code {"serialized_dags": [{"data": {...}}]}}), an object of such documents
 * keyed by DAG id, or a bare DAG object.
 */
public final class SerializedDags {

  /** The DAGs of the file, and the Airflow line of the first one ({@code 2.x} or {@code 3.x}). */
  public record Result(List<DagModel> dags, Optional<String> version) {}

  private final SourceFile file;
  private final DiagnosticSink sink;

  public SerializedDags(SourceFile file, DiagnosticSink sink) {
    this.file = file;
    this.sink = sink;
  }

  /** Whether the text looks like serialized DAG JSON (by its keys, not by the file name). */
  public static boolean looksSerialized(String text) {
    String t = text.stripLeading();
    if (t.startsWith("\uFEFF")) {
      t = t.substring(1).stripLeading();
    }
    if (!t.startsWith("{")) {
      return false;
    }
    return (t.contains("\"__version\"") && t.contains("\"dag\""))
        || t.contains("\"serialized_dags\"")
        || (t.contains("\"_dag_id\"") && t.contains("\"tasks\""))
        || (t.contains("\"dag_id\"") && t.contains("\"tasks\"") && t.contains("\"task_id\""));
  }

  public Result read() {
    List<DagModel> out = new ArrayList<>();
    Optional<JNode> root = new JsonTree(file, sink).load();
    if (root.isEmpty()) {
      return new Result(out, Optional.empty());
    }
    if (root.get() instanceof JNode.JObject top && top.get("$schema") != null) {
      sink.report(Codes.SERIALIZED_NOT_A_DAG, top.get("$schema").span(), "the json is a json schema (`$schema`), not a serialized dag",
          "convert a serialized dag written to this schema, not the schema itself");
      return new Result(out, Optional.empty());
    }
    List<JNode.JObject[]> documents = new ArrayList<>();
    collect(root.get(), documents);
    if (documents.isEmpty()) {
      sink.report(Codes.SERIALIZED_NOT_A_DAG, Span.at(file.path(), 1, 1), "the json holds no serialized dag",
          "a serialized dag is `{\"__version\": 3, \"dag\": {...}}`, as airflow stores it in `serialized_dag.data`");
      return new Result(out, Optional.empty());
    }
    Optional<String> version = Optional.empty();
    DagDecoder decoder = new DagDecoder(file, sink);
    for (JNode.JObject[] doc : documents) {
      JNode.JObject wrapper = doc[0];
      JNode.JObject dag = doc[1];
      String v = version(wrapper);
      if (version.isEmpty()) {
        version = Optional.of(v);
      }
      decoder.decode(wrapper, dag).ifPresent(out::add);
    }
    return new Result(out, version);
  }

  private void collect(JNode n, List<JNode.JObject[]> out) {
    if (!(n instanceof JNode.JObject o)) {
      return;
    }
    if (o.get("dag") instanceof JNode.JObject dag) {
      out.add(new JNode.JObject[] {o, dag});
      return;
    }
    if (o.get("serialized_dags") instanceof JNode.JArray list) {
      for (JNode item : list.items()) {
        if (item instanceof JNode.JObject i) {
          collect(i.get("data") != null ? i.get("data") : i, out);
        }
      }
      return;
    }
    if (o.get("tasks") != null && (o.get("dag_id") != null || o.get("_dag_id") != null)) {
      out.add(new JNode.JObject[] {o, o});
      return;
    }
    for (Map.Entry<String, JNode> e : o.fields().entrySet()) {
      if (e.getValue() instanceof JNode.JObject child && child.get("dag") instanceof JNode.JObject) {
        collect(child, out);
      }
    }
  }

  private String version(JNode.JObject wrapper) {
    if (wrapper.get("__version") instanceof JNode.JNumber n && n.integral()) {
      switch (n.text()) {
        case "1", "2" -> {
          return "2.x";
        }
        case "3" -> {
          return "3.x";
        }
        default -> {
          sink.report(Codes.SERIALIZED_VERSION, n.span(), "serialized dag format version " + n.text()
              + " is not one the reader was written for (1 to 3); it is read as version 3",
              "check the result, or export the dag with airflow 2 or 3");
          return "3.x";
        }
      }
    }
    if (wrapper.get("dag") != null) {
      sink.report(Codes.SERIALIZED_VERSION, wrapper.span(), "the serialized dag has no `__version`; it is read as version 3",
          "airflow writes `__version` next to `dag`");
    }
    return wrapper.get("_dag_id") != null ? "2.x" : "3.x";
  }
}
