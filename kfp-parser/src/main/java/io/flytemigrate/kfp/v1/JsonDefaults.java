package io.flytemigrate.kfp.v1;

import io.flytemigrate.ir.IrType;
import io.flytemigrate.ir.Value;
import io.flytemigrate.ir.diag.Codes;
import io.flytemigrate.ir.diag.DiagnosticSink;
import io.flytemigrate.ir.diag.Span;
import io.flytemigrate.kfp.tree.DocNode;
import java.util.List;
import java.util.Optional;

/**
 * The default of a {@code JsonArray} or {@code JsonObject} input when it is not of that JSON type
 * ({@code {name: sources, type: JsonArray, default: '{}'}}). KFP 1.x never checks a default
 * against its type: it passes the text to the program as written. A Flyte input has one type, and
 * its default must be of it, so the reader keeps the declared type and makes the default fit:
 * an empty collection of the other kind ({@code {}} for an array, {@code []} for an object) is
 * the empty value of the declared kind, which is what its author meant; any other default is left
 * out, and the input stays optional. Either way a warning says what was done.
 */
final class JsonDefaults {
  private JsonDefaults() {}

  /**
   * The default to keep for an input.
   *
   * @param value the default converted to the input's type by {@link V1Types#defaultValue}
   * @param written the default as written, for the message
   * @param typeName the input's type as written ({@code JsonArray})
   */
  static Optional<Value> fit(Value value, DocNode written, IrType type, String typeName, String input, String where, Span at,
      DiagnosticSink sink) {
    boolean array = type instanceof IrType.ListOf;
    boolean object = type instanceof IrType.Struct;
    if (!array && !object || value instanceof Value.Null || array && value instanceof Value.ListValue
        || object && value instanceof Value.MapValue) {
      return Optional.of(value);
    }
    String text = quote(written, value);
    String kind = array ? "a json array" : "a json object";
    String subject = "the default `" + text + "` of input `" + input + "` of " + where + " is not " + kind + ", as its type `"
        + typeName + "` says";
    boolean emptyOther = array && value instanceof Value.MapValue m && m.entries().isEmpty()
        || object && value instanceof Value.ListValue l && l.items().isEmpty();
    if (emptyOther) {
      String empty = array ? "[]" : "{}";
      Messages.report(sink, Codes.DEFAULT_NOT_JSON_TYPE, at, subject + "; it is translated as the empty " + (array ? "list" : "object")
          + " `" + empty + "`", "kfp 1.x passes the text `" + text + "` to the program unchanged; check that the program treats `"
          + empty + "` the same, or correct the default in the component");
      return Optional.of(array ? new Value.ListValue(List.of()) : new Value.MapValue(List.of()));
    }
    Messages.report(sink, Codes.DEFAULT_NOT_JSON_TYPE, at, subject + "; it is left out, and the input stays optional",
        "kfp 1.x passes the default text to the program unchanged; correct the default in the component, or give the input "
            + "a value in every run");
    return Optional.empty();
  }

  /** The default as written: the scalar's text, or the shape of a YAML mapping or sequence. */
  private static String quote(DocNode written, Value value) {
    if (written instanceof DocNode.DocScalar s) {
      return s.text();
    }
    boolean empty = value instanceof Value.MapValue m && m.entries().isEmpty() || value instanceof Value.ListValue l && l.items().isEmpty();
    String open = written instanceof DocNode.DocMap ? "{" : "[";
    String close = written instanceof DocNode.DocMap ? "}" : "]";
    return empty ? open + close : open + "..." + close;
  }
}
