package io.flytemigrate.ir.print;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
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
    var out = new ArrayList<Field>();
    for (RecordComponent c : r.getClass().getRecordComponents()) {
      try {
        out.add(new Field(c.getName(), c.getAccessor().invoke(r)));
      } catch (IllegalAccessException | InvocationTargetException e) {
        throw new IllegalStateException("cannot read " + r.getClass().getName() + "." + c.getName(), e);
      }
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
    if (v instanceof Record r && !(v instanceof io.flytemigrate.ir.Value)) {
      List<Field> fields = fields(r);
      return !fields.isEmpty() && fields.stream().allMatch(f -> isDefault(f.value()));
    }
    return false;
  }

  /** The name a value's type is printed as: the record's simple name. */
  static String typeName(Object value) {
    return value.getClass().getSimpleName();
  }
}
