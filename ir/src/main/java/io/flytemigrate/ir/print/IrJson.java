package io.flytemigrate.ir.print;

import io.flytemigrate.ir.Value;
import io.flytemigrate.ir.diag.Span;
import io.flytemigrate.std.JsonWriter;
import java.util.List;

/**
 * Serialises any IR value to JSON: a record becomes an object whose first key, {@code kind}, is
 * the record's type name, followed by its fields in declaration order; empty optionals are
 * {@code null}; literal values are plain JSON. The top-level object records {@code irVersion}.
 */
public final class IrJson {
  /** Bumped whenever the shape of the JSON changes. */
  public static final int IR_VERSION = 1;

  private IrJson() {}

  public static String toJson(Object node) {
    var w = new JsonWriter();
    w.beginObject();
    w.name("irVersion").number(IR_VERSION);
    w.name("value");
    write(w, node);
    w.endObject();
    return w.toJson();
  }

  /** Writes one IR value into a writer that is positioned for a value. */
  public static void write(JsonWriter w, Object value) {
    Object v = RecordWalker.unwrap(value);
    if (v == null) {
      w.nul();
    } else if (v instanceof Value val) {
      writeValue(w, val);
    } else if (v instanceof Span s) {
      w.beginObject();
      w.name("line").number(s.line());
      w.name("column").number(s.column());
      w.name("endLine").number(s.endLine());
      w.name("endColumn").number(s.endColumn());
      w.endObject();
    } else if (v instanceof String s) {
      w.string(s);
    } else if (v instanceof Enum<?> e) {
      w.string(e.name());
    } else if (v instanceof Integer || v instanceof Long) {
      w.number(((Number) v).longValue());
    } else if (v instanceof Double d) {
      w.number(d);
    } else if (v instanceof Boolean b) {
      w.bool(b);
    } else if (v instanceof List<?> list) {
      w.beginArray();
      for (Object item : list) {
        write(w, item);
      }
      w.endArray();
    } else if (v instanceof Record r) {
      w.beginObject();
      w.name("kind").string(RecordWalker.typeName(r));
      for (RecordWalker.Field f : RecordWalker.fields(r)) {
        w.name(f.name());
        write(w, f.value());
      }
      w.endObject();
    } else {
      throw new IllegalArgumentException("not an IR value: " + v.getClass().getName());
    }
  }

  private static void writeValue(JsonWriter w, Value v) {
    if (v instanceof Value.Null) {
      w.nul();
    } else if (v instanceof Value.Bool x) {
      w.bool(x.value());
    } else if (v instanceof Value.Int x) {
      w.number(x.value());
    } else if (v instanceof Value.Float x) {
      w.number(x.value());
    } else if (v instanceof Value.Str x) {
      w.string(x.value());
    } else if (v instanceof Value.ListValue x) {
      w.beginArray();
      for (Value item : x.items()) {
        writeValue(w, item);
      }
      w.endArray();
    } else if (v instanceof Value.MapValue x) {
      w.beginObject();
      for (Value.Entry e : x.entries()) {
        w.name(e.key());
        writeValue(w, e.value());
      }
      w.endObject();
    } else {
      throw new AssertionError(v);
    }
  }
}
