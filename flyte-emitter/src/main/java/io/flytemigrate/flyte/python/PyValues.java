package io.flytemigrate.flyte.python;

import io.flytemigrate.flyte.model.Literal;
import io.flytemigrate.flyte.model.LiteralType;
import io.flytemigrate.ir.Value;
import java.util.ArrayList;
import java.util.List;

/** Flyte literals as the Python values a flytekit user writes for them. */
final class PyValues {
  private PyValues() {}

  static PyExpr of(Literal l) {
    if (l instanceof Literal.IntValue i) {
      return PyExpr.atom(String.valueOf(i.value()));
    }
    if (l instanceof Literal.FloatValue f) {
      return PyExpr.atom(PyText.number(f.value()));
    }
    if (l instanceof Literal.StringValue s) {
      return PyExpr.atom(PyText.str(s.value()));
    }
    if (l instanceof Literal.BoolValue b) {
      return PyExpr.atom(b.value() ? "True" : "False");
    }
    if (l instanceof Literal.NoneValue) {
      return PyExpr.atom("None");
    }
    if (l instanceof Literal.StructValue s) {
      return json(s.fields());
    }
    if (l instanceof Literal.CollectionValue c) {
      List<PyExpr> items = new ArrayList<>();
      c.items().forEach(i -> items.add(of(i)));
      return PyExpr.list(items);
    }
    if (l instanceof Literal.MapValue m) {
      List<PyExpr.Entry> entries = new ArrayList<>();
      m.entries().forEach(e -> entries.add(new PyExpr.Entry(PyExpr.atom(PyText.str(e.key())), of(e.value()))));
      return new PyExpr.Dict(entries);
    }
    if (l instanceof Literal.BlobValue b) {
      String cls = b.type().dimensionality() == LiteralType.BlobDimensionality.SINGLE ? "FlyteFile" : "FlyteDirectory";
      return PyExpr.call(cls, PyExpr.atom(PyText.str(b.uri())));
    }
    if (l instanceof Literal.UnionValue u) {
      return of(u.value());
    }
    throw new AssertionError(l);
  }

  /** A JSON value as a Python literal. */
  static PyExpr json(Value v) {
    if (v instanceof Value.Null) {
      return PyExpr.atom("None");
    }
    if (v instanceof Value.Bool b) {
      return PyExpr.atom(b.value() ? "True" : "False");
    }
    if (v instanceof Value.Int i) {
      return PyExpr.atom(String.valueOf(i.value()));
    }
    if (v instanceof Value.Float f) {
      return PyExpr.atom(PyText.number(f.value()));
    }
    if (v instanceof Value.Str s) {
      return PyExpr.atom(PyText.str(s.value()));
    }
    if (v instanceof Value.ListValue l) {
      List<PyExpr> items = new ArrayList<>();
      l.items().forEach(i -> items.add(json(i)));
      return PyExpr.list(items);
    }
    Value.MapValue m = (Value.MapValue) v;
    List<PyExpr.Entry> entries = new ArrayList<>();
    m.entries().forEach(e -> entries.add(new PyExpr.Entry(PyExpr.atom(PyText.str(e.key())), json(e.value()))));
    return new PyExpr.Dict(entries);
  }

  /** Whether the Python text of a literal needs {@code FlyteFile} or {@code FlyteDirectory}. */
  static boolean usesBlob(Literal l, LiteralType.BlobDimensionality d) {
    if (l instanceof Literal.BlobValue b) {
      return b.type().dimensionality() == d;
    }
    if (l instanceof Literal.CollectionValue c) {
      return c.items().stream().anyMatch(i -> usesBlob(i, d));
    }
    if (l instanceof Literal.UnionValue u) {
      return usesBlob(u.value(), d);
    }
    return false;
  }
}
