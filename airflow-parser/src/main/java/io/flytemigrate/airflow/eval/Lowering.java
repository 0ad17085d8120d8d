package io.flytemigrate.airflow.eval;

import io.flytemigrate.airflow.model.PyFunction;
import io.flytemigrate.airflow.model.PyParam;
import io.flytemigrate.airflow.model.PyValue;
import io.flytemigrate.airflow.model.PyValue.DictV;
import io.flytemigrate.airflow.model.PyValue.ListV;
import io.flytemigrate.airflow.model.PyValue.Unknown;
import io.flytemigrate.airflow.python.PyNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns evaluation-time values into model values when a task or DAG keeps them: a function of
 * the file becomes a {@link PyValue.Func} with its source, the result of an outside call becomes
 * its placeholder task, and names the model has no use for become unknown values that say what
 * they were.
 */
final class Lowering {
  private final Interpreter in;

  Lowering(Interpreter in) {
    this.in = in;
  }

  PyValue lower(PyValue v) {
    return lower(v, 0);
  }

  private PyValue lower(PyValue v, int depth) {
    if (depth > 50) {
      return new Unknown("...", "the value nests too deeply");
    }
    if (v instanceof ListV l) {
      if (l.items().stream().noneMatch(Lowering::needsLowering)) {
        return l;
      }
      List<PyValue> out = new ArrayList<>();
      for (PyValue i : l.items()) {
        out.add(lower(i, depth + 1));
      }
      return new ListV(out, l.tuple());
    }
    if (v instanceof DictV d) {
      if (d.entries().values().stream().noneMatch(Lowering::needsLowering)) {
        return d;
      }
      LinkedHashMap<PyValue, PyValue> out = new LinkedHashMap<>();
      for (Map.Entry<PyValue, PyValue> e : d.entries().entrySet()) {
        out.put(e.getKey(), lower(e.getValue(), depth + 1));
      }
      DictV copy = new DictV(out);
      in.provenance.copy(d, copy);
      return copy;
    }
    if (!(v instanceof EvalValue ev)) {
      return v;
    }
    if (ev instanceof EvalValue.Function f) {
      return new PyValue.Func(describe(f));
    }
    if (ev instanceof EvalValue.TaskFactory t) {
      return new PyValue.Func(describe(t.fn()));
    }
    if (ev instanceof EvalValue.Pending p) {
      if (p.task != null) {
        return new PyValue.TaskRef(p.task);
      }
      return new Unknown(p.callee + "(...)", "`" + p.callee + "` " + (p.origin.startsWith("it ") ? p.origin.substring(3) : p.origin));
    }
    if (ev instanceof EvalValue.DagRef d) {
      return new PyValue.Str(d.dag().dagId());
    }
    if (ev instanceof EvalValue.Ref r) {
      return new Unknown(r.qualname(), "`" + r.qualname() + "` is a name imported from outside the file");
    }
    return new Unknown(ev.describe(), "it is " + ev.describe() + ", which has no value outside the dag file");
  }

  private static boolean needsLowering(PyValue v) {
    return v instanceof EvalValue || v instanceof ListV || v instanceof DictV;
  }

  /** The model form of a function of the file: name, exact source, signature, docstring. */
  PyFunction describe(EvalValue.Function f) {
    PyNode node = f.node();
    List<PyParam> params = new ArrayList<>();
    for (Signatures.Param p : Signatures.read(node.get("parameters"), in)) {
      Optional<PyValue> dflt = Optional.empty();
      if (p.defaultValue() != null) {
        dflt = Optional.of(lower(in.expressions.eval(p.defaultValue(), f.closure())));
      }
      params.add(new PyParam(p.name(), p.kind(), Optional.ofNullable(p.annotation()).map(in::text), dflt, in.span(p.node())));
    }
    Optional<String> returns = Optional.ofNullable(node.get("return_type")).map(in::text);
    return new PyFunction(f.lambda() ? "<lambda>" : f.name(), Optional.of(dedented(node)), in.span(node), params, returns,
        docstring(node), f.lambda(), Optional.empty());
  }

  /** The node's text with its first line's indentation removed from the following lines. */
  String dedented(PyNode node) {
    String text = in.text(node);
    int indent = node.column() - 1;
    if (indent <= 0) {
      return text;
    }
    String[] lines = text.split("\n", -1);
    StringBuilder b = new StringBuilder(lines[0]);
    for (int i = 1; i < lines.length; i++) {
      String line = lines[i];
      int k = 0;
      while (k < indent && k < line.length() && (line.charAt(k) == ' ' || line.charAt(k) == '\t')) {
        k++;
      }
      b.append('\n').append(line.substring(k));
    }
    return b.toString();
  }

  private Optional<String> docstring(PyNode def) {
    PyNode body = def.get("body");
    if (body == null || !body.is("block")) {
      return Optional.empty();
    }
    List<PyNode> stmts = body.named();
    if (stmts.isEmpty() || !stmts.get(0).is("expression_statement")) {
      return Optional.empty();
    }
    List<PyNode> e = stmts.get(0).named();
    if (e.size() == 1 && e.get(0).is("string")) {
      PyValue v = in.strings.eval(e.get(0), new Scope(null));
      if (v instanceof PyValue.Str s) {
        return Optional.of(Strings.dedent(s.value()).strip());
      }
    }
    return Optional.empty();
  }
}
