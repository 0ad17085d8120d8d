package io.flytemigrate.flyteproto.write;

import flyteidl.core.Condition;
import io.flytemigrate.flyte.model.BooleanExpression;

/** Branch conditions ({@code flyteidl.core.BooleanExpression}): comparisons and conjunctions. */
final class ConditionWriter {
  private ConditionWriter() {}

  static Condition.BooleanExpression write(BooleanExpression e) {
    Condition.BooleanExpression.Builder b = Condition.BooleanExpression.newBuilder();
    if (e instanceof BooleanExpression.Comparison c) {
      b.setComparison(Condition.ComparisonExpression.newBuilder()
          .setOperator(Condition.ComparisonExpression.Operator.forNumber(c.op().number()))
          .setLeftValue(operand(c.left()))
          .setRightValue(operand(c.right())));
    } else if (e instanceof BooleanExpression.Conjunction c) {
      b.setConjunction(Condition.ConjunctionExpression.newBuilder()
          .setOperator(Condition.ConjunctionExpression.LogicalOperator.forNumber(c.op().number()))
          .setLeftExpression(write(c.left()))
          .setRightExpression(write(c.right())));
    } else {
      throw new AssertionError(e);
    }
    return b.build();
  }

  private static Condition.Operand operand(BooleanExpression.Operand o) {
    if (o instanceof BooleanExpression.Operand.Var v) {
      return Condition.Operand.newBuilder().setVar(v.var()).build();
    }
    if (o instanceof BooleanExpression.Operand.Primitive p) {
      return Condition.Operand.newBuilder().setPrimitive(LiteralWriter.primitive(p.value())).build();
    }
    throw new AssertionError(o);
  }
}
