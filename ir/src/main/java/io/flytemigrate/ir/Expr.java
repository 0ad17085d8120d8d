package io.flytemigrate.ir;

import java.util.List;
import java.util.Objects;

/** A condition expression over a node's inputs, parsed from the source's expression language. */
public sealed interface Expr {

  enum Op {
    EQ("=="),
    NE("!="),
    LT("<"),
    LE("<="),
    GT(">"),
    GE(">=");

    private final String symbol;

    Op(String symbol) {
      this.symbol = symbol;
    }

    public String symbol() {
      return symbol;
    }
  }

  /** The value of one of the node's inputs. */
  record Input(String name) implements Expr {
    public Input {
      Objects.requireNonNull(name, "name");
    }
  }

  record Literal(Value value) implements Expr {
    public Literal {
      Objects.requireNonNull(value, "value");
    }
  }

  record Compare(Op op, Expr left, Expr right) implements Expr {
    public Compare {
      Objects.requireNonNull(op, "op");
      Objects.requireNonNull(left, "left");
      Objects.requireNonNull(right, "right");
    }
  }

  record Not(Expr operand) implements Expr {
    public Not {
      Objects.requireNonNull(operand, "operand");
    }
  }

  record And(Expr left, Expr right) implements Expr {
    public And {
      Objects.requireNonNull(left, "left");
      Objects.requireNonNull(right, "right");
    }
  }

  record Or(Expr left, Expr right) implements Expr {
    public Or {
      Objects.requireNonNull(left, "left");
      Objects.requireNonNull(right, "right");
    }
  }

  /** A conversion such as {@code int(x)} or {@code double(x)}. */
  record Call(String function, List<Expr> arguments) implements Expr {
    public Call {
      Objects.requireNonNull(function, "function");
      arguments = List.copyOf(arguments);
    }
  }
}
