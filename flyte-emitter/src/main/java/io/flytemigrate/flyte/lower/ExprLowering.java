package io.flytemigrate.flyte.lower;

import io.flytemigrate.flyte.model.Binding;
import io.flytemigrate.flyte.model.BindingData;
import io.flytemigrate.flyte.model.BooleanExpression;
import io.flytemigrate.flyte.model.BooleanExpression.ComparisonOp;
import io.flytemigrate.flyte.model.BooleanExpression.ConjunctionOp;
import io.flytemigrate.flyte.model.BooleanExpression.Operand;
import io.flytemigrate.flyte.model.Literal;
import io.flytemigrate.flyte.model.LiteralType;
import io.flytemigrate.ir.Expr;
import io.flytemigrate.ir.InputBinding;
import io.flytemigrate.ir.Value;
import io.flytemigrate.ir.diag.Span;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A condition expression to a Flyte branch condition. Flyte compares one branch input with a
 * literal or another input, combined with AND/OR; it has no negation, so {@code not} is pushed
 * into the comparisons (De Morgan), and the casts KFP writes ({@code int(x)}) are dropped when
 * the value already has that type. Every promise a condition reads becomes a branch input named
 * {@code <node id>.<var>}, as flytekit names them ({@code .<var>} for workflow inputs).
 */
final class ExprLowering {
  /** One side of a comparison and its type, when known. */
  private record Side(Operand operand, Optional<LiteralType> type, Optional<Value> literal) {}

  private final WorkflowBuilder wb;
  private List<InputBinding> controlInputs;
  private final String where;
  private final Span span;
  private final Map<String, Binding> inputs = new LinkedHashMap<>();
  private final Set<String> notes = new TreeSet<>();

  ExprLowering(WorkflowBuilder wb, List<InputBinding> controlInputs, String where, Span span) {
    this.wb = wb;
    this.controlInputs = controlInputs;
    this.where = where;
    this.span = span;
  }

  /** Lowers {@code e}, whose inputs are the given bindings (a case's own control inputs). */
  Optional<BooleanExpression> lower(Expr e, List<InputBinding> inputsOfCase) {
    this.controlInputs = inputsOfCase;
    return lower(e);
  }

  Optional<BooleanExpression> lower(Expr e) {
    if (e instanceof Expr.Not n) {
      return lower(negate(n.operand()));
    }
    if (e instanceof Expr.And a) {
      return both(ConjunctionOp.AND, a.left(), a.right());
    }
    if (e instanceof Expr.Or o) {
      return both(ConjunctionOp.OR, o.left(), o.right());
    }
    if (e instanceof Expr.Compare c) {
      return compare(c.op(), c.left(), c.right());
    }
    if (e instanceof Expr.Input || e instanceof Expr.Call) {
      return compare(Expr.Op.EQ, e, new Expr.Literal(new Value.Bool(true)));
    }
    if (e instanceof Expr.Literal l && l.value() instanceof Value.Bool b) {
      notes.add("the condition is the constant `" + b.value() + "`");
      Operand t = new Operand.Primitive(new Literal.BoolValue(true));
      return Optional.of(new BooleanExpression.Comparison(b.value() ? ComparisonOp.EQ : ComparisonOp.NEQ, t, t));
    }
    return Optional.empty();
  }

  /** The branch inputs the conditions read, in first-use order. */
  List<Binding> inputs() {
    return List.copyOf(inputs.values());
  }

  Set<String> notes() {
    return notes;
  }

  private Optional<BooleanExpression> both(ConjunctionOp op, Expr l, Expr r) {
    Optional<BooleanExpression> a = lower(l);
    Optional<BooleanExpression> b = lower(r);
    if (a.isEmpty() || b.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new BooleanExpression.Conjunction(op, a.get(), b.get()));
  }

  static Expr negate(Expr e) {
    if (e instanceof Expr.Not n) {
      return n.operand();
    }
    if (e instanceof Expr.And a) {
      return new Expr.Or(negate(a.left()), negate(a.right()));
    }
    if (e instanceof Expr.Or o) {
      return new Expr.And(negate(o.left()), negate(o.right()));
    }
    if (e instanceof Expr.Compare c) {
      Expr.Op flipped = switch (c.op()) {
        case EQ -> Expr.Op.NE;
        case NE -> Expr.Op.EQ;
        case LT -> Expr.Op.GE;
        case LE -> Expr.Op.GT;
        case GT -> Expr.Op.LE;
        case GE -> Expr.Op.LT;
      };
      return new Expr.Compare(flipped, c.left(), c.right());
    }
    return new Expr.Compare(Expr.Op.NE, e, new Expr.Literal(new Value.Bool(true)));
  }

  private Optional<BooleanExpression> compare(Expr.Op op, Expr l, Expr r) {
    Optional<Side> left = side(l);
    Optional<Side> right = side(r);
    if (left.isEmpty() || right.isEmpty()) {
      return Optional.empty();
    }
    Side a = retype(left.get(), right.get().type());
    Side b = retype(right.get(), a.type());
    if (a.type().isPresent() && b.type().isPresent() && !a.type().equals(b.type())) {
      notes.add("the operands have different Flyte types (`"
          + io.flytemigrate.flyte.python.PythonTypes.annotation(a.type().get()) + "` and `"
          + io.flytemigrate.flyte.python.PythonTypes.annotation(b.type().get()) + "`), which Flyte's compiler rejects");
    }
    ComparisonOp cop = switch (op) {
      case EQ -> ComparisonOp.EQ;
      case NE -> ComparisonOp.NEQ;
      case LT -> ComparisonOp.LT;
      case LE -> ComparisonOp.LTE;
      case GT -> ComparisonOp.GT;
      case GE -> ComparisonOp.GTE;
    };
    return Optional.of(new BooleanExpression.Comparison(cop, a.operand(), b.operand()));
  }

  /** A literal side converted to the other side's type. */
  private Side retype(Side s, Optional<LiteralType> other) {
    if (s.literal().isEmpty() || other.isEmpty()) {
      return s;
    }
    Optional<Literal> lit = Values.of(s.literal().get(), Types.unwrapOptional(other.get()));
    if (lit.isPresent() && isPrimitive(lit.get())) {
      return new Side(new Operand.Primitive(lit.get()), Optional.of(Types.unwrapOptional(other.get())), s.literal());
    }
    return s;
  }

  private Optional<Side> side(Expr e) {
    if (e instanceof Expr.Call c && c.arguments().size() == 1) {
      Optional<Side> inner = side(c.arguments().get(0));
      inner.ifPresent(s -> {
        Optional<LiteralType> cast = castType(c.function());
        if (cast.isPresent() && s.type().isPresent() && !Types.unwrapOptional(s.type().get()).equals(cast.get())) {
          notes.add("the cast `" + c.function() + "(...)` is not kept: Flyte compares values as they are typed");
        }
      });
      return inner;
    }
    if (e instanceof Expr.Literal l) {
      Optional<Literal> lit = primitive(l.value());
      return lit.map(x -> new Side(new Operand.Primitive(x), LiteralTypes.of(x), Optional.of(l.value())));
    }
    if (e instanceof Expr.Input in) {
      Optional<InputBinding> feed = controlInputs.stream().filter(b -> b.input().equals(in.name())).findFirst();
      if (feed.isEmpty()) {
        return Optional.empty();
      }
      Optional<BindingData> data = wb.bind(feed.get().value(), LiteralType.simple(LiteralType.SimpleType.STRING),
          where, feed.get().span());
      if (data.isEmpty()) {
        return Optional.empty();
      }
      if (data.get() instanceof BindingData.Static st && isPrimitive(st.value())) {
        return Optional.of(new Side(new Operand.Primitive(st.value()), LiteralTypes.of(st.value()), Optional.empty()));
      }
      if (data.get() instanceof BindingData.Promise p) {
        String var = (p.isWorkflowInput() ? "" : p.nodeId()) + "." + p.var();
        inputs.putIfAbsent(var, new Binding(var, p));
        return Optional.of(new Side(new Operand.Var(var), wb.typeOf(p).map(Types::unwrapOptional), Optional.empty()));
      }
    }
    return Optional.empty();
  }

  private static Optional<LiteralType> castType(String function) {
    return switch (function) {
      case "int" -> Optional.of(LiteralType.simple(LiteralType.SimpleType.INTEGER));
      case "double", "float" -> Optional.of(LiteralType.simple(LiteralType.SimpleType.FLOAT));
      case "string", "str" -> Optional.of(LiteralType.simple(LiteralType.SimpleType.STRING));
      case "bool" -> Optional.of(LiteralType.simple(LiteralType.SimpleType.BOOLEAN));
      default -> Optional.empty();
    };
  }

  private static Optional<Literal> primitive(Value v) {
    if (v instanceof Value.Int i) {
      return Optional.of(new Literal.IntValue(i.value()));
    }
    if (v instanceof Value.Float f) {
      return Optional.of(new Literal.FloatValue(f.value()));
    }
    if (v instanceof Value.Str s) {
      return Optional.of(new Literal.StringValue(s.value()));
    }
    if (v instanceof Value.Bool b) {
      return Optional.of(new Literal.BoolValue(b.value()));
    }
    return Optional.empty();
  }

  private static boolean isPrimitive(Literal l) {
    return l instanceof Literal.IntValue || l instanceof Literal.FloatValue || l instanceof Literal.StringValue
        || l instanceof Literal.BoolValue;
  }

  /** The conjuncts of an AND chain, left to right. */
  static List<Expr> conjuncts(Expr e) {
    List<Expr> out = new ArrayList<>();
    if (e instanceof Expr.And a) {
      out.addAll(conjuncts(a.left()));
      out.addAll(conjuncts(a.right()));
    } else {
      out.add(e);
    }
    return out;
  }

  static Optional<Expr> and(List<Expr> terms) {
    if (terms.isEmpty()) {
      return Optional.empty();
    }
    Expr e = terms.get(0);
    for (int i = 1; i < terms.size(); i++) {
      e = new Expr.And(e, terms.get(i));
    }
    return Optional.of(e);
  }
}
