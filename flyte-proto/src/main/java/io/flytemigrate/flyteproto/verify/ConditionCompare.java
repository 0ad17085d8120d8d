package io.flytemigrate.flyteproto.verify;

import flyteidl.core.Condition;
import io.flytemigrate.ir.Expr;
import io.flytemigrate.ir.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;

/**
 * Whether a branch condition of the package means the source condition. Both sides are brought to
 * a normal form first: negations pushed into the comparisons (Flyte has no {@code not}), casts
 * such as {@code int(x)} looked through, a bare input read as {@code x == true}, and chains of the
 * same operator flattened, so {@code a & (b & c)} equals {@code (a & b) & c}. Comparisons match
 * with their sides swapped too. Inputs match when their values come from the same producer,
 * which the caller decides.
 */
final class ConditionCompare {
  /** An IR condition in normal form: a comparison, or an and/or of terms. */
  sealed interface Norm {
    record Cmp(Expr.Op op, Expr left, Expr right) implements Norm {}

    record Junction(boolean and, List<Norm> terms) implements Norm {}
  }

  private final BiPredicate<String, String> sameInput;

  /** @param sameInput whether source input (first) and package branch input (second) hold the same value */
  ConditionCompare(BiPredicate<String, String> sameInput) {
    this.sameInput = sameInput;
  }

  boolean matches(Expr source, Condition.BooleanExpression flyte) {
    return matches(normal(source, false), flyte);
  }

  /** The conjuncts of {@code e} without the negations of earlier cases that KFP adds to every elif. */
  static Expr withoutEarlier(Expr e, List<Expr> earlier) {
    List<Expr> terms = new ArrayList<>();
    conjuncts(e, terms);
    for (Expr prev : earlier) {
      terms.remove(new Expr.Not(prev));
    }
    if (terms.isEmpty()) {
      return null;
    }
    Expr out = terms.get(0);
    for (int i = 1; i < terms.size(); i++) {
      out = new Expr.And(out, terms.get(i));
    }
    return out;
  }

  private static void conjuncts(Expr e, List<Expr> out) {
    if (e instanceof Expr.And a) {
      conjuncts(a.left(), out);
      conjuncts(a.right(), out);
    } else {
      out.add(e);
    }
  }

  static Norm normal(Expr e, boolean negated) {
    if (e instanceof Expr.Not n) {
      return normal(n.operand(), !negated);
    }
    if (e instanceof Expr.And a) {
      return junction(!negated, normal(a.left(), negated), normal(a.right(), negated));
    }
    if (e instanceof Expr.Or o) {
      return junction(negated, normal(o.left(), negated), normal(o.right(), negated));
    }
    if (e instanceof Expr.Compare c) {
      return new Norm.Cmp(negated ? negate(c.op()) : c.op(), unwrap(c.left()), unwrap(c.right()));
    }
    return new Norm.Cmp(negated ? Expr.Op.NE : Expr.Op.EQ, unwrap(e), new Expr.Literal(new Value.Bool(true)));
  }

  private static Norm junction(boolean and, Norm l, Norm r) {
    List<Norm> terms = new ArrayList<>();
    for (Norm n : List.of(l, r)) {
      if (n instanceof Norm.Junction j && j.and() == and) {
        terms.addAll(j.terms());
      } else {
        terms.add(n);
      }
    }
    return new Norm.Junction(and, terms);
  }

  private static Expr unwrap(Expr e) {
    while (e instanceof Expr.Call c && c.arguments().size() == 1) {
      e = c.arguments().get(0);
    }
    return e;
  }

  static Expr.Op negate(Expr.Op op) {
    return switch (op) {
      case EQ -> Expr.Op.NE;
      case NE -> Expr.Op.EQ;
      case LT -> Expr.Op.GE;
      case LE -> Expr.Op.GT;
      case GT -> Expr.Op.LE;
      case GE -> Expr.Op.LT;
    };
  }

  private static Expr.Op swapped(Expr.Op op) {
    return switch (op) {
      case LT -> Expr.Op.GT;
      case LE -> Expr.Op.GE;
      case GT -> Expr.Op.LT;
      case GE -> Expr.Op.LE;
      default -> op;
    };
  }

  private boolean matches(Norm n, Condition.BooleanExpression b) {
    if (n instanceof Norm.Cmp c) {
      if (!b.hasComparison()) {
        return false;
      }
      Condition.ComparisonExpression f = b.getComparison();
      if (c.left() instanceof Expr.Literal l && c.right() instanceof Expr.Literal r && isLiteral(f)) {
        return true;
      }
      Expr.Op fop = op(f.getOperator());
      return (fop == c.op() && operand(c.left(), f.getLeftValue()) && operand(c.right(), f.getRightValue()))
          || (fop == swapped(c.op()) && operand(c.left(), f.getRightValue()) && operand(c.right(), f.getLeftValue()));
    }
    Norm.Junction j = (Norm.Junction) n;
    List<Condition.BooleanExpression> terms = new ArrayList<>();
    flatten(b, j.and(), terms);
    if (terms.size() != j.terms().size()) {
      return false;
    }
    return assign(j.terms(), terms, 0, new boolean[terms.size()]);
  }

  private boolean assign(List<Norm> src, List<Condition.BooleanExpression> dst, int i, boolean[] used) {
    if (i == src.size()) {
      return true;
    }
    for (int k = 0; k < dst.size(); k++) {
      if (!used[k] && matches(src.get(i), dst.get(k))) {
        used[k] = true;
        if (assign(src, dst, i + 1, used)) {
          return true;
        }
        used[k] = false;
      }
    }
    return false;
  }

  private static void flatten(Condition.BooleanExpression b, boolean and, List<Condition.BooleanExpression> out) {
    Condition.ConjunctionExpression.LogicalOperator want =
        and ? Condition.ConjunctionExpression.LogicalOperator.AND : Condition.ConjunctionExpression.LogicalOperator.OR;
    if (b.hasConjunction() && b.getConjunction().getOperator() == want) {
      flatten(b.getConjunction().getLeftExpression(), and, out);
      flatten(b.getConjunction().getRightExpression(), and, out);
    } else {
      out.add(b);
    }
  }

  private static boolean isLiteral(Condition.ComparisonExpression f) {
    return f.getLeftValue().hasPrimitive() && f.getRightValue().hasPrimitive();
  }

  private boolean operand(Expr e, Condition.Operand o) {
    if (e instanceof Expr.Literal l) {
      return o.hasPrimitive() && ValueCompare.equal(l.value(), o.getPrimitive());
    }
    if (e instanceof Expr.Input in) {
      return !o.getVar().isEmpty() && sameInput.test(in.name(), o.getVar());
    }
    return false;
  }

  private static Expr.Op op(Condition.ComparisonExpression.Operator op) {
    return switch (op) {
      case EQ -> Expr.Op.EQ;
      case NEQ -> Expr.Op.NE;
      case GT -> Expr.Op.GT;
      case GTE -> Expr.Op.GE;
      case LT -> Expr.Op.LT;
      case LTE -> Expr.Op.LE;
      default -> Expr.Op.EQ;
    };
  }
}
