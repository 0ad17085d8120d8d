package io.flytemigrate.flyteproto.verify;

import com.google.protobuf.Struct;
import flyteidl.core.Literals;
import io.flytemigrate.ir.Value;
import java.util.List;
import java.util.Map;

/**
 * Whether a source value and a package literal are the same value: numbers compare numerically
 * (a KFP {@code 1} may be a Flyte {@code 1.0}), a string equals a string or the URI of a file,
 * lists item by item, objects key by key (as a generic struct or a literal map), and a union is
 * looked through. Also renders both sides for messages.
 */
final class ValueCompare {
  private ValueCompare() {}

  static boolean equal(Value v, Literals.Literal lit) {
    switch (lit.getValueCase()) {
      case SCALAR:
        return equal(v, lit.getScalar());
      case COLLECTION: {
        if (!(v instanceof Value.ListValue l) || l.items().size() != lit.getCollection().getLiteralsCount()) {
          return false;
        }
        for (int i = 0; i < l.items().size(); i++) {
          if (!equal(l.items().get(i), lit.getCollection().getLiterals(i))) {
            return false;
          }
        }
        return true;
      }
      case MAP: {
        if (!(v instanceof Value.MapValue m)) {
          return false;
        }
        Map<String, Literals.Literal> lits = lit.getMap().getLiteralsMap();
        if (m.entries().size() != lits.size()) {
          return false;
        }
        for (Value.Entry e : m.entries()) {
          if (!lits.containsKey(e.key()) || !equal(e.value(), lits.get(e.key()))) {
            return false;
          }
        }
        return true;
      }
      default:
        return false;
    }
  }

  static boolean equal(Value v, Literals.Scalar s) {
    switch (s.getValueCase()) {
      case UNION:
        return equal(v, s.getUnion().getValue());
      case NONE_TYPE:
        return v instanceof Value.Null;
      case PRIMITIVE:
        return equal(v, s.getPrimitive());
      case BLOB:
        return v instanceof Value.Str str && str.value().equals(s.getBlob().getUri());
      case GENERIC:
        return v instanceof Value.MapValue m && equalJson(m, s.getGeneric());
      case BINARY:
        // msgpack: the verifier does not decode it; a struct default is accepted as written.
        return v instanceof Value.MapValue || v instanceof Value.ListValue;
      default:
        return false;
    }
  }

  static boolean equal(Value v, Literals.Primitive p) {
    switch (p.getValueCase()) {
      case INTEGER:
        return numeric(v, p.getInteger());
      case FLOAT_VALUE:
        return numeric(v, p.getFloatValue());
      case STRING_VALUE:
        if (v instanceof Value.Str s) {
          return s.value().equals(p.getStringValue());
        }
        // A value passed as text: the same value when the text reads back as it (JSON); a scalar
        // also when it prints as the messages print it (`True` is not JSON).
        return JsonText.parse(p.getStringValue()).map(j -> same(v, j)).orElse(false)
            || (!(v instanceof Value.ListValue || v instanceof Value.MapValue) && text(v).equals(p.getStringValue()));
      case BOOLEAN:
        return v instanceof Value.Bool b ? b.value() == p.getBoolean()
            : v instanceof Value.Str s && s.value().equalsIgnoreCase(Boolean.toString(p.getBoolean()));
      default:
        return false;
    }
  }

  /**
   * Whether two source values are the same value: numbers numerically, lists item by item,
   * objects key by key in any order.
   */
  static boolean same(Value a, Value b) {
    if (b instanceof Value.Int i) {
      return numeric(a, i.value()) && !(a instanceof Value.Str);
    }
    if (b instanceof Value.Float f) {
      return numeric(a, f.value()) && !(a instanceof Value.Str);
    }
    if (a instanceof Value.ListValue la && b instanceof Value.ListValue lb) {
      if (la.items().size() != lb.items().size()) {
        return false;
      }
      for (int i = 0; i < la.items().size(); i++) {
        if (!same(la.items().get(i), lb.items().get(i))) {
          return false;
        }
      }
      return true;
    }
    if (a instanceof Value.MapValue ma && b instanceof Value.MapValue mb) {
      if (ma.entries().size() != mb.entries().size()) {
        return false;
      }
      for (Value.Entry e : ma.entries()) {
        if (mb.entries().stream().noneMatch(x -> x.key().equals(e.key()) && same(e.value(), x.value()))) {
          return false;
        }
      }
      return true;
    }
    return a.equals(b);
  }

  private static boolean numeric(Value v, double d) {
    if (v instanceof Value.Int i) {
      return i.value() == d;
    }
    if (v instanceof Value.Float f) {
      return f.value() == d;
    }
    if (v instanceof Value.Str s) {
      try {
        return Double.parseDouble(s.value().strip()) == d;
      } catch (NumberFormatException e) {
        return false;
      }
    }
    return false;
  }

  private static boolean equalJson(Value.MapValue m, Struct s) {
    if (m.entries().size() != s.getFieldsCount()) {
      return false;
    }
    for (Value.Entry e : m.entries()) {
      if (!s.containsFields(e.key()) || !equalJson(e.value(), s.getFieldsOrThrow(e.key()))) {
        return false;
      }
    }
    return true;
  }

  private static boolean equalJson(Value v, com.google.protobuf.Value j) {
    switch (j.getKindCase()) {
      case NULL_VALUE:
        return v instanceof Value.Null;
      case BOOL_VALUE:
        return v instanceof Value.Bool b && b.value() == j.getBoolValue();
      case NUMBER_VALUE:
        return numeric(v, j.getNumberValue());
      case STRING_VALUE:
        return v instanceof Value.Str s && s.value().equals(j.getStringValue());
      case LIST_VALUE: {
        List<com.google.protobuf.Value> items = j.getListValue().getValuesList();
        if (!(v instanceof Value.ListValue l) || l.items().size() != items.size()) {
          return false;
        }
        for (int i = 0; i < items.size(); i++) {
          if (!equalJson(l.items().get(i), items.get(i))) {
            return false;
          }
        }
        return true;
      }
      case STRUCT_VALUE:
        return v instanceof Value.MapValue m && equalJson(m, j.getStructValue());
      default:
        return false;
    }
  }

  /** A source value as the messages show it. */
  static String text(Value v) {
    if (v instanceof Value.Null) {
      return "None";
    }
    if (v instanceof Value.Bool b) {
      return Boolean.toString(b.value());
    }
    if (v instanceof Value.Int i) {
      return Long.toString(i.value());
    }
    if (v instanceof Value.Float f) {
      return Double.toString(f.value());
    }
    if (v instanceof Value.Str s) {
      return s.value();
    }
    if (v instanceof Value.ListValue l) {
      StringBuilder b = new StringBuilder("[");
      for (int i = 0; i < l.items().size(); i++) {
        b.append(i == 0 ? "" : ", ").append(text(l.items().get(i)));
      }
      return b.append(']').toString();
    }
    Value.MapValue m = (Value.MapValue) v;
    StringBuilder b = new StringBuilder("{");
    for (int i = 0; i < m.entries().size(); i++) {
      b.append(i == 0 ? "" : ", ").append(m.entries().get(i).key()).append(": ").append(text(m.entries().get(i).value()));
    }
    return b.append('}').toString();
  }

  /** A package literal as the messages show it. */
  static String text(Literals.Literal lit) {
    return switch (lit.getValueCase()) {
      case SCALAR -> text(lit.getScalar());
      case COLLECTION -> {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < lit.getCollection().getLiteralsCount(); i++) {
          b.append(i == 0 ? "" : ", ").append(text(lit.getCollection().getLiterals(i)));
        }
        yield b.append(']').toString();
      }
      case MAP -> "{" + String.join(", ", lit.getMap().getLiteralsMap().keySet().stream().sorted().toList()) + "}";
      default -> "<empty>";
    };
  }

  static String text(Literals.Scalar s) {
    return switch (s.getValueCase()) {
      case PRIMITIVE -> switch (s.getPrimitive().getValueCase()) {
        case INTEGER -> Long.toString(s.getPrimitive().getInteger());
        case FLOAT_VALUE -> Double.toString(s.getPrimitive().getFloatValue());
        case STRING_VALUE -> s.getPrimitive().getStringValue();
        case BOOLEAN -> Boolean.toString(s.getPrimitive().getBoolean());
        default -> s.getPrimitive().getValueCase().name().toLowerCase(java.util.Locale.ROOT);
      };
      case NONE_TYPE -> "None";
      case BLOB -> s.getBlob().getUri();
      case UNION -> text(s.getUnion().getValue());
      case GENERIC -> "{" + String.join(", ", s.getGeneric().getFieldsMap().keySet().stream().sorted().toList()) + "}";
      default -> s.getValueCase().name().toLowerCase(java.util.Locale.ROOT);
    };
  }
}
