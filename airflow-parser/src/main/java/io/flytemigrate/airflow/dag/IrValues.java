package io.flytemigrate.airflow.dag;

import io.flytemigrate.airflow.model.PyValue;
import io.flytemigrate.ir.IrType;
import io.flytemigrate.ir.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Model values as IR {@link Value}s. Plain data maps one to one; what is not data keeps its shape
 * as a one-entry object: {@code {"expr": "days_ago(2)"}} for an unknown value,
 * {@code {"task": "t"}} for a task, {@code {"object": "Dataset", ...}} for a library object.
 */
final class IrValues {
  private IrValues() {}

  /** The value as plain data, or empty when it holds something that is not data. */
  static Optional<Value> data(PyValue v) {
    Value x = value(v);
    return isData(v) ? Optional.of(x) : Optional.empty();
  }

  /** Whether {@code v} is plain data (no tasks, functions, objects or unknowns anywhere). */
  static boolean isData(PyValue v) {
    if (v instanceof PyValue.Str || v instanceof PyValue.Int || v instanceof PyValue.Float || v instanceof PyValue.Bool
        || v instanceof PyValue.None || v instanceof PyValue.Duration || v instanceof PyValue.DateTime) {
      return true;
    }
    if (v instanceof PyValue.ListV l) {
      return l.items().stream().allMatch(IrValues::isData);
    }
    if (v instanceof PyValue.DictV d) {
      return d.entries().entrySet().stream().allMatch(e -> isData(e.getKey()) && isData(e.getValue()));
    }
    return false;
  }

  /** Every value as an IR value, with the conventions above for what is not data. */
  static Value value(PyValue v) {
    if (v instanceof PyValue.Str s) {
      return new Value.Str(s.value());
    }
    if (v instanceof PyValue.Int i) {
      return new Value.Int(i.value());
    }
    if (v instanceof PyValue.Float f) {
      return new Value.Float(f.value());
    }
    if (v instanceof PyValue.Bool b) {
      return new Value.Bool(b.value());
    }
    if (v instanceof PyValue.None) {
      return new Value.Null();
    }
    if (v instanceof PyValue.Duration d) {
      return new Value.Str(d.iso());
    }
    if (v instanceof PyValue.DateTime d) {
      return new Value.Str(d.iso());
    }
    if (v instanceof PyValue.ListV l) {
      List<Value> items = new ArrayList<>();
      for (PyValue i : l.items()) {
        items.add(value(i));
      }
      return new Value.ListValue(items);
    }
    if (v instanceof PyValue.DictV d) {
      List<Value.Entry> entries = new ArrayList<>();
      for (Map.Entry<PyValue, PyValue> e : d.entries().entrySet()) {
        entries.add(new Value.Entry(key(e.getKey()), value(e.getValue())));
      }
      return new Value.MapValue(entries);
    }
    if (v instanceof PyValue.TaskRef t) {
      return one("task", new Value.Str(t.task().id()));
    }
    if (v instanceof PyValue.XCom x) {
      return new Value.MapValue(List.of(new Value.Entry("xcom", new Value.MapValue(List.of(
          new Value.Entry("task", new Value.Str(x.task().id())), new Value.Entry("key", new Value.Str(x.key())))))));
    }
    if (v instanceof PyValue.ParamRef p) {
      return one("param", new Value.Str(p.name()));
    }
    if (v instanceof PyValue.Func f) {
      return one("function", new Value.Str(f.function().name()));
    }
    if (v instanceof PyValue.Obj o) {
      List<Value.Entry> entries = new ArrayList<>();
      entries.add(new Value.Entry("object", new Value.Str(o.simpleName())));
      if (!o.args().isEmpty()) {
        List<Value> args = new ArrayList<>();
        for (PyValue a : o.args()) {
          args.add(value(a));
        }
        entries.add(new Value.Entry("args", new Value.ListValue(args)));
      }
      for (Map.Entry<String, PyValue> e : o.kwargs().entrySet()) {
        entries.add(new Value.Entry(e.getKey(), value(e.getValue())));
      }
      return new Value.MapValue(entries);
    }
    if (v instanceof PyValue.Unknown u) {
      return one("expr", new Value.Str(u.raw()));
    }
    return one("expr", new Value.Str(String.valueOf(v)));
  }

  private static Value one(String key, Value v) {
    return new Value.MapValue(List.of(new Value.Entry(key, v)));
  }

  /** A dict key as text, the way Python prints it. */
  static String key(PyValue k) {
    if (k instanceof PyValue.Str s) {
      return s.value();
    }
    if (k instanceof PyValue.Int i) {
      return Long.toString(i.value());
    }
    if (k instanceof PyValue.Bool b) {
      return b.value() ? "True" : "False";
    }
    if (k instanceof PyValue.Unknown u) {
      return u.raw();
    }
    return String.valueOf(k);
  }

  /** The IR type of a literal. */
  static IrType typeOf(PyValue v) {
    if (v instanceof PyValue.Str || v instanceof PyValue.DateTime || v instanceof PyValue.Duration) {
      return IrType.primitive(IrType.Scalar.STRING);
    }
    if (v instanceof PyValue.Int) {
      return IrType.primitive(IrType.Scalar.INT);
    }
    if (v instanceof PyValue.Float) {
      return IrType.primitive(IrType.Scalar.FLOAT);
    }
    if (v instanceof PyValue.Bool) {
      return IrType.primitive(IrType.Scalar.BOOL);
    }
    if (v instanceof PyValue.ListV l) {
      IrType element = null;
      for (PyValue i : l.items()) {
        IrType t = typeOf(i);
        if (element == null) {
          element = t;
        } else if (!element.equals(t)) {
          element = new IrType.Any();
        }
      }
      return new IrType.ListOf(element == null ? new IrType.Any() : element);
    }
    if (v instanceof PyValue.DictV) {
      return new IrType.Struct();
    }
    return new IrType.Any();
  }
}
