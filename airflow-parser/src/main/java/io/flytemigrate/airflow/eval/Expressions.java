package io.flytemigrate.airflow.eval;

import io.flytemigrate.airflow.model.PyValue;
import io.flytemigrate.airflow.model.PyValue.Bool;
import io.flytemigrate.airflow.model.PyValue.DictV;
import io.flytemigrate.airflow.model.PyValue.Float;
import io.flytemigrate.airflow.model.PyValue.Int;
import io.flytemigrate.airflow.model.PyValue.ListV;
import io.flytemigrate.airflow.model.PyValue.Str;
import io.flytemigrate.airflow.model.PyValue.Unknown;
import io.flytemigrate.airflow.python.PyNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Evaluates expressions: literals, names, operators, comprehensions, subscripts. Calls and
 * attribute lookups go to {@link Calls}; {@code >>}/{@code <<} between tasks go to {@link
 * Dependencies}. An expression that cannot be computed yields an {@link Unknown} carrying the
 * text as written and the reason, never an exception.
 */
final class Expressions {
  private final Interpreter in;

  Expressions(Interpreter in) {
    this.in = in;
  }

  PyValue eval(PyNode n, Scope s) {
    if (n == null) {
      return PyValue.NONE;
    }
    in.budget.enterExpression();
    try {
      in.budget.step("expression");
      return evalInner(n, s);
    } finally {
      in.budget.exitExpression();
    }
  }

  private PyValue evalInner(PyNode n, Scope s) {
    switch (n.type()) {
      case "identifier" -> {
        return name(n, s);
      }
      case "integer" -> {
        return integer(in.text(n));
      }
      case "float" -> {
        String t = in.text(n).replace("_", "");
        if (t.endsWith("j") || t.endsWith("J")) {
          return new Unknown(t, "complex numbers are not evaluated");
        }
        try {
          return new Float(Double.parseDouble(t));
        } catch (NumberFormatException e) {
          return new Unknown(t, "the number cannot be read");
        }
      }
      case "true" -> {
        return new Bool(true);
      }
      case "false" -> {
        return new Bool(false);
      }
      case "none" -> {
        return PyValue.NONE;
      }
      case "string", "concatenated_string" -> {
        return in.strings.eval(n, s);
      }
      case "list", "set" -> {
        return new ListV(elements(n, s), false);
      }
      case "tuple", "expression_list", "pattern_list" -> {
        return new ListV(elements(n, s), true);
      }
      case "dictionary" -> {
        return dictionary(n, s);
      }
      case "parenthesized_expression" -> {
        List<PyNode> inner = n.named();
        return inner.isEmpty() ? new ListV(List.of(), true) : eval(inner.get(0), s);
      }
      case "attribute" -> {
        PyValue obj = eval(n.get("object"), s);
        PyNode attr = n.get("attribute");
        return attr == null ? unknown(n, "the attribute is missing") : in.calls.attribute(obj, in.text(attr), n);
      }
      case "subscript" -> {
        return subscript(n, s);
      }
      case "call" -> {
        return in.calls.call(n, s);
      }
      case "binary_operator" -> {
        PyNode op = n.get("operator");
        PyValue l = eval(n.get("left"), s);
        PyValue r = eval(n.get("right"), s);
        return binary(op == null ? "?" : op.type(), l, r, n);
      }
      case "unary_operator" -> {
        PyNode op = n.get("operator");
        PyValue v = eval(n.get("argument"), s);
        return unary(op == null ? "?" : op.type(), v, n);
      }
      case "not_operator" -> {
        PyValue v = eval(n.get("argument"), s);
        Boolean t = Builtins.truth(v);
        return t == null ? Builtins.unknownFrom(v, Strings.oneLine(in.text(n)), "its operand is not known statically")
            : new Bool(!t);
      }
      case "boolean_operator" -> {
        return booleanOp(n, s);
      }
      case "comparison_operator" -> {
        return comparison(n, s);
      }
      case "conditional_expression" -> {
        List<PyNode> parts = n.named();
        if (parts.size() < 3) {
          return unknown(n, "the expression is incomplete");
        }
        Boolean t = Builtins.truth(eval(parts.get(1), s));
        if (t == null) {
          return unknown(n, "its condition `" + Strings.oneLine(in.text(parts.get(1))) + "` is not known statically");
        }
        return eval(t ? parts.get(0) : parts.get(2), s);
      }
      case "lambda" -> {
        return new EvalValue.Function("<lambda>", n, s, true);
      }
      case "list_comprehension", "set_comprehension", "generator_expression" -> {
        return comprehension(n, s, false);
      }
      case "dictionary_comprehension" -> {
        return comprehension(n, s, true);
      }
      case "named_expression" -> {
        PyValue v = eval(n.get("value"), s);
        PyNode name = n.get("name");
        if (name != null) {
          s.set(in.text(name), v);
        }
        return v;
      }
      case "keyword_argument", "list_splat", "dictionary_splat" -> {
        return unknown(n, "it is not an expression on its own");
      }
      default -> {
        return unknown(n, "the reader does not evaluate `" + n.type().replace('_', ' ') + "` expressions");
      }
    }
  }

  Unknown unknown(PyNode n, String why) {
    return new Unknown(Strings.oneLine(in.text(n)), why);
  }

  private PyValue name(PyNode n, Scope s) {
    String name = in.text(n);
    PyValue v = s.lookup(name);
    if (v != null) {
      return v;
    }
    PyValue b = Builtins.builtin(name);
    if (b != null) {
      return b;
    }
    return new Unknown(name, "`" + name + "` is not defined in the file");
  }

  static PyValue integer(String text) {
    String t = text.replace("_", "").toLowerCase(java.util.Locale.ROOT);
    if (t.endsWith("l")) {
      t = t.substring(0, t.length() - 1);
    }
    if (t.endsWith("j")) {
      return new Unknown(text, "complex numbers are not evaluated");
    }
    try {
      BigInteger b;
      if (t.startsWith("0x")) {
        b = new BigInteger(t.substring(2), 16);
      } else if (t.startsWith("0o")) {
        b = new BigInteger(t.substring(2), 8);
      } else if (t.startsWith("0b")) {
        b = new BigInteger(t.substring(2), 2);
      } else {
        b = new BigInteger(t);
      }
      if (b.bitLength() > 63) {
        return new Unknown(text, "the integer does not fit in 64 bits");
      }
      return new Int(b.longValue());
    } catch (NumberFormatException e) {
      return new Unknown(text, "the number cannot be read");
    }
  }

  /** Elements of a list, tuple or set literal, with {@code *splat} expanded. */
  private List<PyValue> elements(PyNode n, Scope s) {
    List<PyValue> out = new ArrayList<>();
    for (PyNode c : n.named()) {
      if (c.is("list_splat") || c.is("list_splat_pattern")) {
        List<PyNode> inner = c.named();
        PyValue v = inner.isEmpty() ? PyValue.NONE : eval(inner.get(0), s);
        List<PyValue> items = Builtins.iterate(v);
        if (items == null) {
          out.add(Builtins.unknownFrom(v, in.text(c), "it cannot be expanded statically"));
        } else {
          out.addAll(items);
        }
      } else {
        out.add(eval(c, s));
      }
      checkSize(out.size());
    }
    return out;
  }

  private static void checkSize(int size) {
    if (size > Budget.MAX_COLLECTION) {
      throw new EvalLimit("a collection grows beyond " + Budget.MAX_COLLECTION + " items");
    }
  }

  private PyValue dictionary(PyNode n, Scope s) {
    DictV d = new DictV(new LinkedHashMap<>());
    for (PyNode c : n.named()) {
      if (c.is("pair")) {
        PyValue k = eval(c.get("key"), s);
        PyNode valueNode = c.get("value");
        PyValue v = eval(valueNode, s);
        d.entries().put(k, v);
        if (valueNode != null) {
          in.provenance.record(d, k, in.span(c), in.text(valueNode));
        }
      } else if (c.is("dictionary_splat")) {
        List<PyNode> inner = c.named();
        PyValue v = inner.isEmpty() ? PyValue.NONE : eval(inner.get(0), s);
        if (v instanceof DictV other) {
          d.entries().putAll(other.entries());
          in.provenance.copy(other, d);
        } else {
          d.entries().put(new Str("**"), Builtins.unknownFrom(v, in.text(c), "it cannot be expanded statically"));
        }
      }
      checkSize(d.entries().size());
    }
    return d;
  }

  private PyValue subscript(PyNode n, Scope s) {
    PyValue value = eval(n.get("value"), s);
    List<PyNode> subs = n.all("subscript");
    if (subs.size() != 1) {
      return Builtins.unknownFrom(value, Strings.oneLine(in.text(n)), "multi-dimensional subscripts are not evaluated");
    }
    PyNode sub = subs.get(0);
    if (sub.is("slice")) {
      return slice(value, sub, s, n);
    }
    PyValue key = eval(sub, s);
    return in.calls.item(value, key, n);
  }

  private PyValue slice(PyValue value, PyNode sub, Scope s, PyNode whole) {
    List<PyNode> kids = sub.children();
    PyValue[] parts = new PyValue[] {null, null, null};
    int idx = 0;
    for (PyNode k : kids) {
      if (!k.isNamed() && k.type().equals(":")) {
        idx++;
      } else if (k.isNamed() && idx < 3) {
        parts[idx] = eval(k, s);
      }
    }
    return Builtins.slice(value, parts[0], parts[1], parts[2], Strings.oneLine(in.text(whole)));
  }

  private PyValue booleanOp(PyNode n, Scope s) {
    PyNode op = n.get("operator");
    boolean and = op != null && op.type().equals("and");
    PyValue l = eval(n.get("left"), s);
    Boolean lt = Builtins.truth(l);
    if (lt == null) {
      return Builtins.unknownFrom(l, Strings.oneLine(in.text(n)),
          "its operand `" + Strings.oneLine(in.text(n.get("left"))) + "` is not known statically");
    }
    if (and ? !lt : lt) {
      return l;
    }
    return eval(n.get("right"), s);
  }

  private PyValue comparison(PyNode n, Scope s) {
    List<PyNode> operands = new ArrayList<>();
    List<String> ops = new ArrayList<>();
    String pending = null;
    for (PyNode c : n.children()) {
      if (c.isNamed()) {
        if (pending != null) {
          ops.add(pending);
          pending = null;
        }
        operands.add(c);
      } else {
        String t = c.type();
        if (pending == null) {
          pending = t;
        } else {
          pending = pending + " " + t; // "not in", "is not"
        }
      }
    }
    if (operands.size() < 2 || ops.size() != operands.size() - 1) {
      return unknown(n, "the comparison is incomplete");
    }
    PyValue left = eval(operands.get(0), s);
    for (int i = 0; i < ops.size(); i++) {
      PyValue right = eval(operands.get(i + 1), s);
      Boolean r = Builtins.compare(ops.get(i), left, right);
      if (r == null) {
        String why = left instanceof Unknown u ? u.why() : right instanceof Unknown u ? u.why()
            : "the operands are not known statically";
        return unknown(n, why);
      }
      if (!r) {
        return new Bool(false);
      }
      left = right;
    }
    return new Bool(true);
  }

  PyValue binary(String op, PyValue l, PyValue r, PyNode n) {
    if ((op.equals(">>") || op.equals("<<")) && (Dependencies.isGraphOperand(l) || Dependencies.isGraphOperand(r))) {
      return op.equals(">>") ? in.dependencies.shift(l, r, n) : in.dependencies.shiftLeft(l, r, n);
    }
    if ((op.equals("&") || op.equals("|")) && (AirflowCalls.isAssetExpression(l) || AirflowCalls.isAssetExpression(r))) {
      return AirflowCalls.assetExpression(op, l, r, Strings.oneLine(in.text(n)));
    }
    PyValue v = Builtins.binary(op, l, r);
    if (v != null) {
      return v;
    }
    if (l instanceof Unknown u) {
      return new Unknown(Strings.oneLine(in.text(n)), u.why());
    }
    if (r instanceof Unknown u) {
      return new Unknown(Strings.oneLine(in.text(n)), u.why());
    }
    if (op.equals("%") && l instanceof Str str) {
      return in.strings.percent(str.value(), r, n);
    }
    return unknown(n, "`" + op + "` on these values is not evaluated");
  }

  /** {@code x op= y}: lists and dicts change in place, as in Python. */
  PyValue inPlace(String op, PyValue current, PyValue right, PyNode n) {
    if (op.equals("+") && current instanceof ListV l) {
      List<PyValue> items = Builtins.iterate(right);
      if (items != null) {
        l.items().addAll(items);
        checkSize(l.items().size());
        return l;
      }
    }
    if (op.equals("|") && current instanceof DictV d && right instanceof DictV r) {
      d.entries().putAll(r.entries());
      return d;
    }
    if ((op.equals(">>") || op.equals("<<")) && (Dependencies.isGraphOperand(current) || Dependencies.isGraphOperand(right))) {
      return op.equals(">>") ? in.dependencies.shift(current, right, n) : in.dependencies.shiftLeft(current, right, n);
    }
    PyValue v = binary(op, current, right, n);
    if (v instanceof Str str && str.value().length() > Budget.MAX_COLLECTION * 16) {
      throw new EvalLimit("a string grows beyond " + (Budget.MAX_COLLECTION * 16) + " characters");
    }
    return v;
  }

  private PyValue unary(String op, PyValue v, PyNode n) {
    if (v instanceof Int i) {
      return switch (op) {
        case "-" -> new Int(-i.value());
        case "+" -> i;
        case "~" -> new Int(~i.value());
        default -> unknown(n, "the operator is not evaluated");
      };
    }
    if (v instanceof Float f) {
      return switch (op) {
        case "-" -> new Float(-f.value());
        case "+" -> f;
        default -> unknown(n, "the operator is not evaluated");
      };
    }
    if (v instanceof PyValue.Duration d && op.equals("-")) {
      return new PyValue.Duration(-d.seconds());
    }
    if (v instanceof Bool b) {
      return unary(op, new Int(b.value() ? 1 : 0), n);
    }
    return v instanceof Unknown u ? new Unknown(Strings.oneLine(in.text(n)), u.why()) : unknown(n, "the operand is not a number");
  }

  /** A list, set, generator or dict comprehension: clauses run left to right in a scope of their own. */
  private PyValue comprehension(PyNode n, Scope s, boolean dict) {
    PyNode body = n.get("body");
    List<PyNode> clauses = new ArrayList<>();
    for (PyNode c : n.named()) {
      if (c.is("for_in_clause") || c.is("if_clause")) {
        clauses.add(c);
      }
    }
    Scope inner = new Scope(s);
    List<PyValue> out = new ArrayList<>();
    DictV d = new DictV(new LinkedHashMap<>());
    String failure = run(clauses, 0, inner, body, dict, out, d);
    if (failure != null) {
      return unknown(n, failure);
    }
    return dict ? d : new ListV(out, false);
  }

  /** Returns null on success, else why the comprehension cannot be evaluated. */
  private String run(List<PyNode> clauses, int i, Scope scope, PyNode body, boolean dict, List<PyValue> out, DictV d) {
    if (i == clauses.size()) {
      if (dict && body != null && body.is("pair")) {
        d.entries().put(eval(body.get("key"), scope), eval(body.get("value"), scope));
        checkSize(d.entries().size());
      } else {
        out.add(eval(body, scope));
        checkSize(out.size());
      }
      return null;
    }
    PyNode c = clauses.get(i);
    if (c.is("if_clause")) {
      List<PyNode> cond = c.named();
      Boolean t = cond.isEmpty() ? Boolean.TRUE : Builtins.truth(eval(cond.get(0), scope));
      if (t == null) {
        return "its condition `" + Strings.oneLine(in.text(c)) + "` is not known statically";
      }
      return t ? run(clauses, i + 1, scope, body, dict, out, d) : null;
    }
    PyValue iterable = eval(c.get("right"), scope);
    List<PyValue> items = Builtins.iterate(iterable);
    if (items == null) {
      return iterable instanceof Unknown u ? u.why() : "it iterates over values not known statically";
    }
    for (PyValue item : new ArrayList<>(items)) {
      in.budget.step("comprehension");
      in.statements.assign(c.get("left"), item, scope);
      String f = run(clauses, i + 1, scope, body, dict, out, d);
      if (f != null) {
        return f;
      }
    }
    return null;
  }
}
