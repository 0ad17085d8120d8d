package io.flytemigrate.airflow.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A value the reader computed from the DAG file without running it, or read from a serialized
 * DAG. Literals are Python's (lists and dicts are mutable, as in Python, because DAG files build
 * them up); {@link TaskRef} and {@link XCom} stand for tasks and their results; {@link Unknown}
 * is what could not be computed, with the expression as written.
 */
public sealed interface PyValue {

  /** Python's {@code None}. */
  record None() implements PyValue {}

  record Bool(boolean value) implements PyValue {}

  record Int(long value) implements PyValue {}

  record Float(double value) implements PyValue {}

  record Str(String value) implements PyValue {
    public Str {
      Objects.requireNonNull(value, "value");
    }
  }

  /** A list or tuple; mutable, like Python's list. */
  final class ListV implements PyValue {
    private final List<PyValue> items;
    private final boolean tuple;

    public ListV(List<PyValue> items, boolean tuple) {
      this.items = new ArrayList<>(items);
      this.tuple = tuple;
    }

    public List<PyValue> items() {
      return items;
    }

    public boolean tuple() {
      return tuple;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof ListV l && l.items.equals(items);
    }

    @Override
    public int hashCode() {
      return items.hashCode();
    }

    @Override
    public String toString() {
      return (tuple ? "tuple" : "list") + items;
    }
  }

  /** A dict in insertion order; mutable, like Python's dict. */
  final class DictV implements PyValue {
    private final LinkedHashMap<PyValue, PyValue> entries;

    public DictV(Map<PyValue, PyValue> entries) {
      this.entries = new LinkedHashMap<>(entries);
    }

    public LinkedHashMap<PyValue, PyValue> entries() {
      return entries;
    }

    /** The value under a string key, or null. */
    public PyValue get(String key) {
      return entries.get(new Str(key));
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof DictV d && d.entries.equals(entries);
    }

    @Override
    public int hashCode() {
      return entries.hashCode();
    }

    @Override
    public String toString() {
      return "dict" + entries;
    }
  }

  /** A {@code timedelta} (or a number of seconds in a serialized DAG). */
  record Duration(double seconds) implements PyValue {
    /** ISO-8601, e.g. {@code PT5M} or {@code P1DT2H}. */
    public String iso() {
      if (seconds == 0) {
        return "PT0S";
      }
      double s = Math.abs(seconds);
      long whole = (long) Math.floor(s);
      double frac = s - whole;
      long days = whole / 86400;
      long rest = whole % 86400;
      long h = rest / 3600;
      long m = (rest % 3600) / 60;
      long sec = rest % 60;
      StringBuilder b = new StringBuilder(seconds < 0 ? "-P" : "P");
      if (days > 0) {
        b.append(days).append('D');
      }
      if (h > 0 || m > 0 || sec > 0 || frac > 0) {
        b.append('T');
        if (h > 0) {
          b.append(h).append('H');
        }
        if (m > 0) {
          b.append(m).append('M');
        }
        if (frac > 0) {
          b.append(String.format(java.util.Locale.ROOT, "%.6f", sec + frac).replaceAll("0+$", "")).append('S');
        } else if (sec > 0) {
          b.append(sec).append('S');
        }
      }
      return b.toString();
    }
  }

  /**
   * A point in time known statically, e.g. {@code pendulum.datetime(2021, 1, 1, tz="UTC")}.
   *
   * @param iso ISO-8601, with an offset or zone when the source gives one
   */
  record DateTime(String iso) implements PyValue {
    public DateTime {
      Objects.requireNonNull(iso, "iso");
    }
  }

  /** A task (an operator instance, or the result of calling a TaskFlow function). */
  record TaskRef(TaskModel task) implements PyValue {
    public TaskRef {
      Objects.requireNonNull(task, "task");
    }
  }

  /** One XCom of a task: {@code op.output}, {@code XComArg(op, key=...)}, {@code result["key"]}. */
  record XCom(TaskModel task, String key) implements PyValue {
    public static final String RETURN_VALUE = "return_value";

    public XCom {
      Objects.requireNonNull(task, "task");
      Objects.requireNonNull(key, "key");
    }
  }

  /** A DAG parameter as seen inside an {@code @dag} function body (Airflow's {@code DagParam}). */
  record ParamRef(String name) implements PyValue {
    public ParamRef {
      Objects.requireNonNull(name, "name");
    }
  }

  /**
   * An instance of a library class the reader knows by name but does not model further, e.g.
   * {@code Dataset("s3://x")}, {@code Param(5, type="integer")}, {@code k8s.V1EnvVar(...)}.
   *
   * @param type the class as imported, e.g. {@code airflow.datasets.Dataset}
   * @param raw the call as written
   */
  record Obj(String type, List<PyValue> args, Map<String, PyValue> kwargs, String raw) implements PyValue {
    public Obj {
      Objects.requireNonNull(type, "type");
      args = List.copyOf(args);
      kwargs = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(kwargs));
      Objects.requireNonNull(raw, "raw");
    }

    /** The short class name, e.g. {@code Dataset}. */
    public String simpleName() {
      int dot = type.lastIndexOf('.');
      return dot < 0 ? type : type.substring(dot + 1);
    }

    /** A keyword argument, or the positional one at {@code index}, or null. */
    public PyValue arg(String name, int index) {
      PyValue v = kwargs.get(name);
      if (v == null && index >= 0 && index < args.size()) {
        v = args.get(index);
      }
      return v;
    }
  }

  /** A Python function or lambda passed as a value (e.g. {@code python_callable=f}). */
  record Func(PyFunction function) implements PyValue {
    public Func {
      Objects.requireNonNull(function, "function");
    }
  }

  /**
   * A value that cannot be computed statically.
   *
   * @param raw the expression as written in the file
   * @param why what makes it unknowable, e.g. "it reads an environment variable at parse time"
   */
  record Unknown(String raw, String why) implements PyValue {
    public Unknown {
      Objects.requireNonNull(raw, "raw");
      Objects.requireNonNull(why, "why");
    }
  }

  /** Values that exist only while the file is being evaluated (functions, classes, modules). */
  non-sealed interface Internal extends PyValue {
    /** What the value is, for messages: e.g. "function `f`". */
    String describe();
  }

  static PyValue str(String s) {
    return new Str(s);
  }

  PyValue NONE = new None();
}
