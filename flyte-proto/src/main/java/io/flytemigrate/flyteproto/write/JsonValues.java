package io.flytemigrate.flyteproto.write;

import com.google.protobuf.ListValue;
import com.google.protobuf.NullValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;

/**
 * JSON-shaped IR values as {@code google.protobuf.Struct}/{@code Value}: the form of generic
 * struct literals and of Kubernetes pod specs. JSON numbers are doubles, as in any Struct.
 */
final class JsonValues {
  private JsonValues() {}

  static Value value(io.flytemigrate.ir.Value v) {
    Value.Builder b = Value.newBuilder();
    if (v instanceof io.flytemigrate.ir.Value.Null) {
      b.setNullValue(NullValue.NULL_VALUE);
    } else if (v instanceof io.flytemigrate.ir.Value.Bool x) {
      b.setBoolValue(x.value());
    } else if (v instanceof io.flytemigrate.ir.Value.Int x) {
      b.setNumberValue(x.value());
    } else if (v instanceof io.flytemigrate.ir.Value.Float x) {
      b.setNumberValue(x.value());
    } else if (v instanceof io.flytemigrate.ir.Value.Str x) {
      b.setStringValue(x.value());
    } else if (v instanceof io.flytemigrate.ir.Value.ListValue x) {
      ListValue.Builder list = ListValue.newBuilder();
      for (io.flytemigrate.ir.Value item : x.items()) {
        list.addValues(value(item));
      }
      b.setListValue(list);
    } else if (v instanceof io.flytemigrate.ir.Value.MapValue x) {
      b.setStructValue(struct(x));
    } else {
      throw new AssertionError(v);
    }
    return b.build();
  }

  static Struct struct(io.flytemigrate.ir.Value.MapValue map) {
    Struct.Builder b = Struct.newBuilder();
    for (io.flytemigrate.ir.Value.Entry e : map.entries()) {
      b.putFields(e.key(), value(e.value()));
    }
    return b.build();
  }

  static Value string(String s) {
    return Value.newBuilder().setStringValue(s).build();
  }

  static Value number(long n) {
    return Value.newBuilder().setNumberValue(n).build();
  }

  static Value bool(boolean flag) {
    return Value.newBuilder().setBoolValue(flag).build();
  }

  static Value object(Struct.Builder s) {
    return Value.newBuilder().setStructValue(s).build();
  }

  static Value list(Iterable<Value> items) {
    return Value.newBuilder().setListValue(ListValue.newBuilder().addAllValues(items)).build();
  }
}
