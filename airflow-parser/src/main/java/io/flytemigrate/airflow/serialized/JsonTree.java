package io.flytemigrate.airflow.serialized;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import io.flytemigrate.ir.diag.Codes;
import io.flytemigrate.ir.diag.Diagnostic;
import io.flytemigrate.ir.diag.DiagnosticSink;
import io.flytemigrate.ir.diag.SourceFile;
import io.flytemigrate.ir.diag.Span;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Loads JSON with Jackson's streaming parser into {@link JNode}s, with depth and size limits. */
final class JsonTree {
  private static final int MAX_DEPTH = 200;
  private static final int MAX_LENGTH = 64 * 1024 * 1024;

  private static final JsonFactory FACTORY = JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder()
          .maxNestingDepth(MAX_DEPTH).maxStringLength(MAX_LENGTH).maxDocumentLength(MAX_LENGTH).build())
      .build();

  private final SourceFile file;
  private final DiagnosticSink sink;

  JsonTree(SourceFile file, DiagnosticSink sink) {
    this.file = file;
    this.sink = sink;
  }

  Optional<JNode> load() {
    try (JsonParser p = FACTORY.createParser(file.text())) {
      if (p.nextToken() == null) {
        sink.report(Codes.SERIALIZED_NOT_A_DAG, Span.at(file.path(), 1, 1), "the file is empty");
        return Optional.empty();
      }
      JNode root = read(p);
      if (p.nextToken() != null) {
        sink.report(Codes.SERIALIZED_SYNTAX, at(p.currentTokenLocation()), "invalid json: content after the end of the document");
        return Optional.empty();
      }
      return Optional.of(root);
    } catch (StreamConstraintsException e) {
      sink.report(Diagnostic.of(Codes.SERIALIZED_SYNTAX, Span.at(file.path(), 1, 1),
          "the json exceeds a safety limit: " + firstLine(e.getOriginalMessage())));
    } catch (JsonParseException e) {
      sink.report(Codes.SERIALIZED_SYNTAX, at(e.getLocation()), "invalid json: " + firstLine(e.getOriginalMessage()));
    } catch (IOException e) {
      sink.report(Codes.SERIALIZED_SYNTAX, Span.at(file.path(), 1, 1), "invalid json: " + firstLine(e.getMessage()));
    }
    return Optional.empty();
  }

  private JNode read(JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    int start = offset(p.currentTokenLocation());
    switch (t) {
      case START_OBJECT -> {
        Map<String, JNode> fields = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String key = p.currentName();
          p.nextToken();
          JNode v = read(p);
          fields.putIfAbsent(key, v);
        }
        return new JNode.JObject(fields, span(start, end(p)), start, end(p));
      }
      case START_ARRAY -> {
        List<JNode> items = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          items.add(read(p));
        }
        return new JNode.JArray(items, span(start, end(p)), start, end(p));
      }
      case VALUE_STRING -> {
        return new JNode.JString(p.getText(), span(start, end(p)), start, end(p));
      }
      case VALUE_NUMBER_INT -> {
        return new JNode.JNumber(p.getText(), true, span(start, end(p)), start, end(p));
      }
      case VALUE_NUMBER_FLOAT -> {
        return new JNode.JNumber(p.getText(), false, span(start, end(p)), start, end(p));
      }
      case VALUE_TRUE, VALUE_FALSE -> {
        return new JNode.JBool(t == JsonToken.VALUE_TRUE, span(start, end(p)), start, end(p));
      }
      case VALUE_NULL -> {
        return new JNode.JNull(span(start, end(p)), start, end(p));
      }
      default -> throw new JsonParseException(p, "unexpected token " + t);
    }
  }

  private int end(JsonParser p) {
    return offset(p.currentLocation());
  }

  private int offset(JsonLocation loc) {
    long o = loc == null ? 0 : loc.getCharOffset();
    return (int) Math.max(0, Math.min(o, file.text().length()));
  }

  private Span span(int start, int end) {
    int[] s = file.position(start);
    int[] e = file.position(Math.max(start, end));
    return new Span(file.path(), s[0], s[1], e[0], e[1]);
  }

  private Span at(JsonLocation loc) {
    if (loc == null || loc.getLineNr() < 1) {
      return Span.at(file.path(), 1, 1);
    }
    return Span.at(file.path(), loc.getLineNr(), Math.max(1, loc.getColumnNr()));
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "malformed json";
    }
    int nl = s.indexOf('\n');
    String line = (nl >= 0 ? s.substring(0, nl) : s).trim();
    int source = line.indexOf("[Source");
    if (source >= 0) {
      line = line.substring(0, source).replaceAll("\\s*\\(for [^)]*$", "").replaceAll("\\s*at\\s*$", "").trim();
    }
    return line.isEmpty() ? "malformed json"
        : Character.toLowerCase(line.charAt(0)) + line.substring(1).replaceAll("[.]+$", "").replace('`', '\'');
  }
}
