package io.flytemigrate.flyte.lower;

import io.flytemigrate.ir.diag.Span;
import io.flytemigrate.ir.print.RecordAccessors;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A stable hash of a value made of records, lists, optionals, enums, strings, numbers and
 * booleans, in declaration order. Source positions ({@link Span}) are left out, so moving a
 * component inside a file does not change what depends on its content.
 */
final class ContentHash {
  private ContentHash() {}

  /** One record component: the text written before its value, and how to read it. */
  private record Part(String prefix, RecordAccessors.Accessor accessor) {}

  /** A record class's name as written ({@code Name{}) and its components. */
  private record Shape(String open, Part[] parts) {}

  /** The text around each record class's components, made once per class. */
  private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
    @Override
    protected Shape computeValue(Class<?> type) {
      List<RecordAccessors.Accessor> accessors = RecordAccessors.of(type.asSubclass(Record.class));
      Part[] parts = new Part[accessors.size()];
      for (int i = 0; i < parts.length; i++) {
        parts[i] = new Part(accessors.get(i).name() + "=", accessors.get(i));
      }
      return new Shape(type.getSimpleName() + "{", parts);
    }
  };

  /** The lower-case hex SHA-256 of the canonical text of {@code value}. */
  static String of(Object value) {
    StringBuilder b = new StringBuilder();
    write(value, b);
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(b.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }

  /** The first {@code n} hex digits of {@link #of}. */
  static String shortOf(Object value, int n) {
    return of(value).substring(0, n);
  }

  private static void write(Object v, StringBuilder b) {
    if (v == null) {
      b.append('~');
    } else if (v instanceof Span) {
      b.append('@');
    } else if (v instanceof Optional<?> o) {
      write(o.orElse(null), b);
    } else if (v instanceof OptionalInt o) {
      write(o.isPresent() ? o.getAsInt() : null, b);
    } else if (v instanceof String s) {
      b.append('"').append(s.length()).append(':').append(s);
    } else if (v instanceof Enum<?> e) {
      b.append('#').append(e.getDeclaringClass().getSimpleName()).append('.').append(e.name());
    } else if (v instanceof Number || v instanceof Boolean || v instanceof Character) {
      b.append(v.getClass().getSimpleName().charAt(0)).append(v);
    } else if (v instanceof List<?> list) {
      b.append('[');
      for (Object item : list) {
        write(item, b);
        b.append(',');
      }
      b.append(']');
    } else if (v instanceof Record r) {
      Shape shape = SHAPES.get(r.getClass());
      b.append(shape.open());
      for (Part p : shape.parts()) {
        b.append(p.prefix());
        write(p.accessor().read(r), b);
        b.append(';');
      }
      b.append('}');
    } else {
      throw new IllegalArgumentException("cannot hash a " + v.getClass().getName());
    }
  }
}
