package io.flytemigrate.flyte.lower;

import io.flytemigrate.flyte.model.Literal;
import io.flytemigrate.flyte.model.LiteralType;
import io.flytemigrate.flyte.model.LiteralType.SimpleType;
import io.flytemigrate.ir.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * IR literal values to Flyte literals of a given type. KFP writes numbers loosely ({@code 1.0}
 * for an int input, {@code "3"} for a number); a value that fits the type exactly is converted,
 * anything else is reported by the caller.
 */
final class Values {
  private Values() {}

  /** The literal of {@code value} for an input of {@code type}, or empty when it does not fit. */
  static Optional<Literal> of(Value value, LiteralType type) {
    if (type instanceof LiteralType.Union u) {
      if (value instanceof Value.Null) {
        return Optional.of(new Literal.NoneValue());
      }
      for (LiteralType.Variant v : u.variants()) {
        if (v.type().equals(LiteralType.simple(SimpleType.NONE))) {
          continue;
        }
        Optional<Literal> inner = of(value, v.type());
        if (inner.isPresent()) {
          return Optional.of(new Literal.UnionValue(inner.get(), v));
        }
      }
      return Optional.empty();
    }
    if (type instanceof LiteralType.Simple s) {
      return simple(value, s.type());
    }
    if (type instanceof LiteralType.Struct) {
      return value instanceof Value.MapValue m ? Optional.of(new Literal.StructValue(m)) : Optional.empty();
    }
    if (type instanceof LiteralType.Collection c) {
      if (!(value instanceof Value.ListValue l)) {
        return Optional.empty();
      }
      List<Literal> items = new ArrayList<>();
      for (Value item : l.items()) {
        Optional<Literal> lit = of(item, c.element());
        if (lit.isEmpty()) {
          return Optional.empty();
        }
        items.add(lit.get());
      }
      return Optional.of(new Literal.CollectionValue(items));
    }
    if (type instanceof LiteralType.MapOf m) {
      if (!(value instanceof Value.MapValue map)) {
        return Optional.empty();
      }
      List<Literal.Entry> entries = new ArrayList<>();
      for (Value.Entry e : map.entries()) {
        Optional<Literal> lit = of(e.value(), m.value());
        if (lit.isEmpty()) {
          return Optional.empty();
        }
        entries.add(new Literal.Entry(e.key(), lit.get()));
      }
      return Optional.of(new Literal.MapValue(entries));
    }
    if (type instanceof LiteralType.Blob b) {
      return value instanceof Value.Str s && !s.value().isEmpty()
          ? Optional.of(new Literal.BlobValue(s.value(), b)) : Optional.empty();
    }
    if (type instanceof LiteralType.EnumOf e) {
      return value instanceof Value.Str s && e.values().contains(s.value())
          ? Optional.of(new Literal.StringValue(s.value())) : Optional.empty();
    }
    throw new AssertionError(type);
  }

  private static Optional<Literal> simple(Value value, SimpleType type) {
    switch (type) {
      case INTEGER:
        if (value instanceof Value.Int i) {
          return Optional.of(new Literal.IntValue(i.value()));
        }
        if (value instanceof Value.Float f && f.value() == Math.rint(f.value()) && !Double.isInfinite(f.value())
            && Math.abs(f.value()) < 9.0e15) {
          return Optional.of(new Literal.IntValue((long) f.value()));
        }
        if (value instanceof Value.Str s) {
          try {
            return Optional.of(new Literal.IntValue(Long.parseLong(s.value().strip())));
          } catch (NumberFormatException e) {
            return Optional.empty();
          }
        }
        return Optional.empty();
      case FLOAT:
        if (value instanceof Value.Float f) {
          return Optional.of(new Literal.FloatValue(f.value()));
        }
        if (value instanceof Value.Int i) {
          return Optional.of(new Literal.FloatValue(i.value()));
        }
        if (value instanceof Value.Str s) {
          try {
            return Optional.of(new Literal.FloatValue(Double.parseDouble(s.value().strip())));
          } catch (NumberFormatException e) {
            return Optional.empty();
          }
        }
        return Optional.empty();
      case STRING:
        if (value instanceof Value.Str s) {
          return Optional.of(new Literal.StringValue(s.value()));
        }
        return Optional.empty();
      case BOOLEAN:
        if (value instanceof Value.Bool b) {
          return Optional.of(new Literal.BoolValue(b.value()));
        }
        if (value instanceof Value.Str s && (s.value().equals("true") || s.value().equals("false"))) {
          return Optional.of(new Literal.BoolValue(Boolean.parseBoolean(s.value())));
        }
        return Optional.empty();
      case NONE:
        return value instanceof Value.Null ? Optional.of(new Literal.NoneValue()) : Optional.empty();
      default:
        return Optional.empty();
    }
  }

  /** A short, stable text of an IR value for parity reasons: JSON-like, truncated. */
  static String text(Value v) {
    String s = json(v);
    return s.length() > 60 ? s.substring(0, 57) + "..." : s;
  }

  static String json(Value v) {
    if (v instanceof Value.Null) {
      return "null";
    }
    if (v instanceof Value.Bool b) {
      return String.valueOf(b.value());
    }
    if (v instanceof Value.Int i) {
      return String.valueOf(i.value());
    }
    if (v instanceof Value.Float f) {
      return String.valueOf(f.value());
    }
    if (v instanceof Value.Str s) {
      return quote(s.value());
    }
    if (v instanceof Value.ListValue l) {
      List<String> parts = new ArrayList<>();
      l.items().forEach(i -> parts.add(json(i)));
      return "[" + String.join(", ", parts) + "]";
    }
    if (v instanceof Value.MapValue m) {
      List<String> parts = new ArrayList<>();
      m.entries().forEach(e -> parts.add(quote(e.key()) + ": " + json(e.value())));
      return "{" + String.join(", ", parts) + "}";
    }
    throw new AssertionError(v);
  }

  private static String quote(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }

  /** The element type of a list literal whose items all have one simple kind, if they do. */
  static Optional<LiteralType> elementOf(Value v) {
    if (!(v instanceof Value.ListValue l) || l.items().isEmpty()) {
      return Optional.empty();
    }
    Optional<LiteralType> common = Optional.empty();
    for (Value item : l.items()) {
      LiteralType t;
      if (item instanceof Value.Str) {
        t = LiteralType.simple(SimpleType.STRING);
      } else if (item instanceof Value.Int) {
        t = LiteralType.simple(SimpleType.INTEGER);
      } else if (item instanceof Value.Float) {
        t = LiteralType.simple(SimpleType.FLOAT);
      } else if (item instanceof Value.Bool) {
        t = LiteralType.simple(SimpleType.BOOLEAN);
      } else if (item instanceof Value.MapValue) {
        t = new LiteralType.Struct();
      } else {
        return Optional.empty();
      }
      if (common.isPresent() && !common.get().equals(t)) {
        if (isNumber(common.get()) && isNumber(t)) {
          common = Optional.of(LiteralType.simple(SimpleType.FLOAT));
          continue;
        }
        return Optional.empty();
      }
      if (common.isEmpty()) {
        common = Optional.of(t);
      }
    }
    return common;
  }

  private static boolean isNumber(LiteralType t) {
    return t.equals(LiteralType.simple(SimpleType.INTEGER)) || t.equals(LiteralType.simple(SimpleType.FLOAT));
  }
}
