package io.flytemigrate.airflow.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flytemigrate.airflow.AirflowReader;
import io.flytemigrate.airflow.AirflowSerializedReader;
import io.flytemigrate.ir.Binding;
import io.flytemigrate.ir.Graph;
import io.flytemigrate.ir.InputBinding;
import io.flytemigrate.ir.Node;
import io.flytemigrate.ir.Pipeline;
import io.flytemigrate.ir.diag.Diagnostic;
import io.flytemigrate.ir.diag.DiagnosticRenderer;
import io.flytemigrate.ir.diag.Outcome;
import io.flytemigrate.ir.diag.SourceFile;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Reads inline DAG files and describes what came out, for compact assertions. */
public final class Read {
  private Read() {}

  public static Outcome<List<Pipeline>> dagFile(String python) {
    return new AirflowReader().readAll(new SourceFile("dag.py", python));
  }

  public static Outcome<List<Pipeline>> serialized(String json) {
    return new AirflowSerializedReader().readAll(new SourceFile("dag.json", json));
  }

  /** The only pipeline of a file that must read without errors. */
  public static Pipeline one(String python) {
    Outcome<List<Pipeline>> o = dagFile(python);
    assertTrue(o.ok(), () -> DiagnosticRenderer.shortForm(o.diagnostics()));
    assertEquals(1, o.value().get().size(), "number of dags");
    return o.value().get().get(0);
  }

  public static String diagnostics(Outcome<?> o) {
    return DiagnosticRenderer.shortForm(o.diagnostics());
  }

  /** The codes of the diagnostics, sorted, with duplicates. */
  public static List<String> codes(Outcome<?> o) {
    return o.diagnostics().stream().map(d -> d.code().id()).sorted().collect(Collectors.toList());
  }

  public static List<Diagnostic> withCode(Outcome<?> o, String code) {
    return o.diagnostics().stream().filter(d -> d.code().id().equals(code)).collect(Collectors.toList());
  }

  /**
   * The task graph as sorted lines {@code up -> down}, explicit edges and data edges alike, loops
   * flattened to their task: what the two readers must agree on.
   */
  public static List<String> edges(Pipeline p) {
    TreeSet<String> out = new TreeSet<>();
    collect(p.root(), out, List.of());
    return new ArrayList<>(out);
  }

  private static void collect(Graph g, TreeSet<String> out, List<InputBinding> outer) {
    for (Node n : g.nodes()) {
      List<InputBinding> inputs = new ArrayList<>(n.inputs());
      inputs.addAll(outer);
      for (String up : n.after()) {
        out.add(up + " -> " + n.id());
      }
      if (n instanceof Node.LoopNode l) {
        collect(l.body(), out, inputs);
        continue;
      }
      for (InputBinding b : inputs) {
        String up = upstream(b.value());
        if (up != null && !up.equals(n.id())) {
          out.add(up + " -> " + n.id());
        }
      }
    }
  }

  private static String upstream(Binding b) {
    if (b instanceof Binding.TaskOutput t) {
      return t.task();
    }
    if (b instanceof Binding.Field f) {
      return upstream(f.base());
    }
    return null;
  }

  /** Every task id of the pipeline, loops flattened, in order. */
  public static List<String> tasks(Pipeline p) {
    List<String> out = new ArrayList<>();
    tasks(p.root(), out);
    return out;
  }

  private static void tasks(Graph g, List<String> out) {
    for (Node n : g.nodes()) {
      if (n instanceof Node.LoopNode l) {
        tasks(l.body(), out);
      } else if (!out.contains(n.id())) {
        out.add(n.id());
      }
    }
  }

  public static Node.TaskNode task(Pipeline p, String id) {
    Node.TaskNode t = find(p.root(), id);
    if (t == null) {
      throw new AssertionError("no task " + id + " in " + tasks(p));
    }
    return t;
  }

  private static Node.TaskNode find(Graph g, String id) {
    for (Node n : g.nodes()) {
      if (n instanceof Node.TaskNode t && t.id().equals(id)) {
        return t;
      }
      if (n instanceof Node.LoopNode l) {
        Node.TaskNode t = find(l.body(), id);
        if (t != null) {
          return t;
        }
      }
    }
    return null;
  }
}
