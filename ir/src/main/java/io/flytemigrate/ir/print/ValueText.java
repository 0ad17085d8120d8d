package io.flytemigrate.ir.print;

import io.flytemigrate.ir.Value;

/** Literal values as compact JSON text, the same in every printer. */
final class ValueText {
  private ValueText() {}

  static String of(Value v) {
    var b = new StringBuilder();
    write(b, v);
    return b.toString();
  }

  private static void write(StringBuilder b, Value v) {
    if (v instanceof Value.Null) {
      b.append("null");
    } else if (v instanceof Value.Bool x) {
      b.append(x.value());
    } else if (v instanceof Value.Int x) {
      b.append(x.value());
    } else if (v instanceof Value.Float x) {
      b.append(floatText(x.value()));
    } else if (v instanceof Value.Str x) {
      b.append(IrPrinter.quote(x.value()));
    } else if (v instanceof Value.ListValue x) {
      b.append('[');
      for (int i = 0; i < x.items().size(); i++) {
        b.append(i == 0 ? "" : ", ");
        write(b, x.items().get(i));
      }
      b.append(']');
    } else if (v instanceof Value.MapValue x) {
      b.append('{');
      for (int i = 0; i < x.entries().size(); i++) {
        b.append(i == 0 ? "" : ", ");
        b.append(IrPrinter.quote(x.entries().get(i).key())).append(": ");
        write(b, x.entries().get(i).value());
      }
      b.append('}');
    } else {
      throw new AssertionError(v);
    }
  }

  static String floatText(double d) {
    if (d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 1e15) {
      return (long) d + ".0";
    }
    return Double.toString(d);
  }
}
