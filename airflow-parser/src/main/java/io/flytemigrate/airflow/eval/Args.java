package io.flytemigrate.airflow.eval;

import io.flytemigrate.airflow.model.CallArg;
import io.flytemigrate.airflow.model.Kwarg;
import io.flytemigrate.airflow.model.PyValue;
import io.flytemigrate.airflow.python.PyNode;
import io.flytemigrate.ir.diag.Span;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The evaluated arguments of one call, each with where it was written. {@code *list} and
 * {@code **dict} arguments are already expanded; a {@code **dict} entry points at the entry in the
 * dict literal it came from when the reader knows it.
 */
final class Args {
  /** One argument. */
  record Arg(PyValue value, Span span, String raw) {}

  final List<Arg> positional = new ArrayList<>();
  final LinkedHashMap<String, Arg> keywords = new LinkedHashMap<>();
  /** A {@code *x} or {@code **x} that could not be expanded, as written. */
  final List<String> unexpanded = new ArrayList<>();

  /** Reports the splats that could not be expanded: the arguments they hold are not read. */
  void reportUnexpanded(Interpreter in, PyNode call, String what) {
    for (String u : unexpanded) {
      if (in.once("splat@" + call.start() + u)) {
        in.report(io.flytemigrate.ir.diag.Codes.AIRFLOW_UNRESOLVED, in.span(call), "`" + Strings.oneLine(u) + "` of " + what
            + " cannot be expanded statically; the arguments it holds are not read",
            "pass the arguments explicitly, or build the dict from literals in the file");
      }
    }
  }

  PyValue arg(int index, String name) {
    Arg k = keywords.get(name);
    if (k != null) {
      return k.value();
    }
    return index >= 0 && index < positional.size() ? positional.get(index).value() : null;
  }

  Arg argInfo(int index, String name) {
    Arg k = keywords.get(name);
    if (k != null) {
      return k;
    }
    return index >= 0 && index < positional.size() ? positional.get(index) : null;
  }

  List<PyValue> values() {
    List<PyValue> out = new ArrayList<>();
    for (Arg a : positional) {
      out.add(a.value());
    }
    return out;
  }

  Map<String, PyValue> keywordValues() {
    Map<String, PyValue> out = new LinkedHashMap<>();
    for (Map.Entry<String, Arg> e : keywords.entrySet()) {
      out.put(e.getKey(), e.getValue().value());
    }
    return out;
  }

  /** The keywords as model {@link Kwarg}s, values lowered, in order. */
  LinkedHashMap<String, Kwarg> kwargs(Lowering lowering) {
    LinkedHashMap<String, Kwarg> out = new LinkedHashMap<>();
    for (Map.Entry<String, Arg> e : keywords.entrySet()) {
      Arg a = e.getValue();
      out.put(e.getKey(), new Kwarg(e.getKey(), lowering.lower(a.value()), a.span(), a.raw()));
    }
    return out;
  }

  /** Every argument as a TaskFlow {@link CallArg}, values lowered. */
  List<CallArg> callArgs(Lowering lowering) {
    List<CallArg> out = new ArrayList<>();
    for (Arg a : positional) {
      out.add(new CallArg(Optional.empty(), lowering.lower(a.value()), a.span(), a.raw()));
    }
    for (Map.Entry<String, Arg> e : keywords.entrySet()) {
      Arg a = e.getValue();
      out.add(new CallArg(Optional.of(e.getKey()), lowering.lower(a.value()), a.span(), a.raw()));
    }
    return out;
  }

  boolean isEmpty() {
    return positional.isEmpty() && keywords.isEmpty();
  }
}
