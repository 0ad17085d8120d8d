package io.flytemigrate.ir.print;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** Reads the components of IR records in declaration order, for the printers. */
final class RecordWalker {
  private RecordWalker() {}

  /** A record component's name and value. */
  record Field(String name, Object value) {}

  static List<Field> fields(Record r) {
    List<RecordAccessors.Accessor> accessors = RecordAccessors.of(r.getClass());
    var out = new ArrayList<Field>(accessors.size());
    for (RecordAccessors.Accessor a : accessors) {
      out.add(new Field(a.name(), a.read(r)));
    }
    return out;
  }


  /** Unwraps Optional and OptionalInt; returns null for empty ones. */
  static Object unwrap(Object value) {
    if (value instanceof Optional<?> o) {
      return o.orElse(null);
    }
    if (value instanceof OptionalInt o) {
      return o.isPresent() ? o.getAsInt() : null;
    }
    return value;
  }

  /**
   * Whether a value is a record that {@link #isDefault} and the printers look into field by field:
   * neither a literal value nor a span, which print as one token.
   */
  static boolean isStructure(Object value) {
    return value instanceof Record && !(value instanceof io.flytemigrate.ir.Value)
        && !(value instanceof io.flytemigrate.ir.diag.Span);
  }

  /**
   * Whether a value is the default a printer may leave out: absent, empty, false, an unknown span,
   * or a record with at least one field whose fields are all defaults. Literal values never are.
   */
  static boolean isDefault(Object value) {
    if (value instanceof Optional<?> o) {
      return o.isEmpty(); // an explicit Optional.of(false) says something: print it
    }
    if (value instanceof OptionalInt o) {
      return o.isEmpty();
    }
    Object v = value;
    if (v == null || (v instanceof List<?> l && l.isEmpty()) || Boolean.FALSE.equals(v)) {
      return true;
    }
    if (v instanceof io.flytemigrate.ir.diag.Span s) {
      return !s.isKnown();
    }
    if (isStructure(v)) {
      return allDefault(fields((Record) v));
    }
    return false;
  }

  /** {@link #isDefault} of a record, given its fields (so a caller that has them reads them once). */
  static boolean allDefault(List<Field> fields) {
    if (fields.isEmpty()) {
      return false;
    }
    for (Field f : fields) {
      if (!isDefault(f.value())) {
        return false;
      }
    }
    return true;
  }

  /** The name a value's type is printed as: the record's simple name. */
  static String typeName(Object value) {
    return value.getClass().getSimpleName();
  }
}
