package io.flytemigrate.flyte.model;

import java.util.Objects;

/**
 * A branch condition ({@code flyteidl.core.BooleanExpression}). Flyte has no negation: lowering
 * pushes {@code not} into the comparisons.
 */
public sealed interface BooleanExpression {

  /** {@code ComparisonExpression.Operator}; the number is the protobuf value. */
  enum ComparisonOp {
    EQ(0, "=="),
    NEQ(1, "!="),
    GT(2, ">"),
    GTE(3, ">="),
    LT(4, "<"),
    LTE(5, "<=");

    private final int number;
    private final String symbol;

    ComparisonOp(int number, String symbol) {
      this.number = number;
      this.symbol = symbol;
    }

    public int number() {
      return number;
    }

    /** The Python operator. */
    public String symbol() {
      return symbol;
    }
  }

  /** {@code ConjunctionExpression.LogicalOperator}; Python {@code &} and {@code |}. */
  enum ConjunctionOp {
    AND(0, "&"),
    OR(1, "|");

    private final int number;
    private final String symbol;

    ConjunctionOp(int number, String symbol) {
      this.number = number;
      this.symbol = symbol;
    }

    public int number() {
      return number;
    }

    public String symbol() {
      return symbol;
    }
  }

  /** {@code comparison{operator, left_value, right_value}}. */
  record Comparison(ComparisonOp op, Operand left, Operand right) implements BooleanExpression {
    public Comparison {
      Objects.requireNonNull(op, "op");
      Objects.requireNonNull(left, "left");
      Objects.requireNonNull(right, "right");
    }
  }

  /** {@code conjunction{operator, left_expression, right_expression}}. */
  record Conjunction(ConjunctionOp op, BooleanExpression left, BooleanExpression right) implements BooleanExpression {
    public Conjunction {
      Objects.requireNonNull(op, "op");
      Objects.requireNonNull(left, "left");
      Objects.requireNonNull(right, "right");
    }
  }

  /** One side of a comparison ({@code flyteidl.core.Operand}). */
  sealed interface Operand {
    /**
     * {@code Operand.var}: one of the branch node's inputs, named {@code <nodeId>.<var>}; the
     * branch node's binding of that name says which promise it is.
     */
    record Var(String var) implements Operand {
      public Var {
        Objects.requireNonNull(var, "var");
      }
    }

    /** {@code Operand.primitive}: an int, float, string or bool literal. */
    record Primitive(Literal value) implements Operand {
      public Primitive {
        Objects.requireNonNull(value, "value");
        if (!(value instanceof Literal.IntValue || value instanceof Literal.FloatValue
            || value instanceof Literal.StringValue || value instanceof Literal.BoolValue)) {
          throw new IllegalArgumentException("an operand literal must be a primitive: " + value);
        }
      }
    }
  }
}
