package io.flytemigrate.ir;

import java.util.List;
import java.util.Objects;

/** A literal value: a default, a constant binding, a raw loop list. JSON-shaped on purpose. */
public sealed interface Value {

  record Null() implements Value {}

  record Bool(boolean value) implements Value {}

  record Int(long value) implements Value {}

  record Float(double value) implements Value {}

  record Str(String value) implements Value {
    public Str {
      Objects.requireNonNull(value, "value");
    }
  }

  record ListValue(List<Value> items) implements Value {
    public ListValue {
      items = List.copyOf(items);
    }
  }

  /** An object; entries keep the source's key order. */
  record MapValue(List<Entry> entries) implements Value {
    public MapValue {
      entries = List.copyOf(entries);
    }
  }

  record Entry(String key, Value value) {
    public Entry {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(value, "value");
    }
  }

  static Value str(String s) {
    return new Str(s);
  }
}
