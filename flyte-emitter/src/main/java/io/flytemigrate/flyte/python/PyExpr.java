package io.flytemigrate.flyte.python;

import java.util.List;

/**
 * A small Python expression tree, enough for the code the writer emits, so that line breaking is
 * done in one place ({@link PyLayout}) instead of by string concatenation.
 */
sealed interface PyExpr {
  /** Text that is never broken: a name, a literal, an operator expression. */
  record Atom(String text) implements PyExpr {}

  /** {@code callee(args)}; keyword arguments are {@link Kw}. */
  record Call(PyExpr callee, List<PyExpr> args) implements PyExpr {
    public Call {
      args = List.copyOf(args);
    }
  }

  /** {@code base.name}. */
  record Attr(PyExpr base, String name) implements PyExpr {}

  /** Fixed text followed by an expression, e.g. a parameter {@code x: int = <value>}. */
  record Prefixed(String prefix, PyExpr value) implements PyExpr {}

  /** A keyword argument {@code name=value}. */
  record Kw(String name, PyExpr value) implements PyExpr {}

  /** {@code [a, b]}, {@code (a, b)} or {@code {a, b}}. */
  record Seq(String open, String close, List<PyExpr> items) implements PyExpr {
    public Seq {
      items = List.copyOf(items);
    }
  }

  /** {@code {k: v, ...}}. */
  record Dict(List<Entry> entries) implements PyExpr {
    public Dict {
      entries = List.copyOf(entries);
    }
  }

  /** One entry of a {@link Dict}. */
  record Entry(PyExpr key, PyExpr value) {}

  /** A dict entry as an item of an exploded {@link Dict}; only {@link PyLayout} makes these. */
  record DictItem(PyExpr key, PyExpr value) implements PyExpr {}

  /** A fluent chain {@code head.a(...).b(...)}, broken one link per line inside parentheses. */
  record Fluent(PyExpr head, List<Call> links) implements PyExpr {
    public Fluent {
      links = List.copyOf(links);
    }
  }

  static PyExpr atom(String text) {
    return new Atom(text);
  }

  static Call call(String callee, PyExpr... args) {
    return new Call(new Atom(callee), List.of(args));
  }

  static Call call(String callee, List<PyExpr> args) {
    return new Call(new Atom(callee), args);
  }

  static Kw kw(String name, PyExpr value) {
    return new Kw(name, value);
  }

  static PyExpr list(List<PyExpr> items) {
    return new Seq("[", "]", items);
  }
}
