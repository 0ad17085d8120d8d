package io.flytemigrate.ir.print;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
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

  /** One record component: its name and its accessor as {@code (Object) -> Object}, made once per class. */
  private record Accessor(String name, MethodHandle getter) {}

  /**
   * The accessors of each record class. {@code getRecordComponents()} parses the class file's
   * Record attribute and copies it on every call, and {@code Method.invoke} checks access each
   * time: both cost more than the printing, so they are done once per class.
   */
  private static final ClassValue<Accessor[]> ACCESSORS = new ClassValue<>() {
    @Override
    protected Accessor[] computeValue(Class<?> type) {
      RecordComponent[] components = type.getRecordComponents();
      Accessor[] out = new Accessor[components.length];
      MethodHandles.Lookup lookup = MethodHandles.lookup();
      MethodType generic = MethodType.methodType(Object.class, Object.class);
      for (int i = 0; i < components.length; i++) {
        RecordComponent c = components[i];
        try {
          out[i] = new Accessor(c.getName(), lookup.unreflect(c.getAccessor()).asType(generic));
        } catch (IllegalAccessException e) {
          throw new IllegalStateException("cannot read " + type.getName() + "." + c.getName(), e);
        }
      }
      return out;
    }
  };

  static List<Field> fields(Record r) {
    Accessor[] accessors = ACCESSORS.get(r.getClass());
    var out = new ArrayList<Field>(accessors.length);
    for (Accessor a : accessors) {
      try {
        out.add(new Field(a.name(), (Object) a.getter().invokeExact((Object) r)));
      } catch (RuntimeException | Error e) {
        throw e;
      } catch (Throwable e) {
        throw new IllegalStateException("cannot read " + r.getClass().getName() + "." + a.name(), e);
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
