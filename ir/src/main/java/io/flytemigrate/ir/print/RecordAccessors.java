package io.flytemigrate.ir.print;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.List;

/**
 * The components of a record class, in declaration order, each with its accessor as an {@code
 * (Object) -> Object} method handle, made once per class. {@code getRecordComponents()} parses
 * and copies the class file's Record attribute on every call and {@code Method.invoke} checks
 * access each time, which cost more than the work done with the values. The IR printers use it,
 * and so does anything else that walks records generically (the emitter's content hash).
 */
public final class RecordAccessors {
  private RecordAccessors() {}

  /** One component: its name and its accessor. */
  public record Accessor(String name, MethodHandle getter) {
    /** The component's value in {@code r}, a record of the class this accessor was made for. */
    public Object read(Record r) {
      try {
        return (Object) getter.invokeExact((Object) r);
      } catch (RuntimeException | Error e) {
        throw e;
      } catch (Throwable e) {
        throw new IllegalStateException("cannot read " + r.getClass().getName() + "." + name, e);
      }
    }
  }

  private static final ClassValue<List<Accessor>> ACCESSORS = new ClassValue<>() {
    @Override
    protected List<Accessor> computeValue(Class<?> type) {
      RecordComponent[] components = type.getRecordComponents();
      Accessor[] out = new Accessor[components.length];
      MethodHandles.Lookup lookup = MethodHandles.lookup();
      MethodType generic = MethodType.methodType(Object.class, Object.class);
      for (int i = 0; i < components.length; i++) {
        RecordComponent c = components[i];
        try {
          Method m = c.getAccessor();
          // A record nested in a non-public class has public accessors it cannot be called through.
          m.setAccessible(true);
          out[i] = new Accessor(c.getName(), lookup.unreflect(m).asType(generic));
        } catch (IllegalAccessException | RuntimeException e) {
          throw new IllegalStateException("cannot read " + type.getName() + "." + c.getName(), e);
        }
      }
      return List.of(out);
    }
  };

  /** The accessors of {@code type}, a record class, in declaration order. */
  public static List<Accessor> of(Class<? extends Record> type) {
    return ACCESSORS.get(type);
  }
}
