package io.flytemigrate.kfp.tree;

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
import io.flytemigrate.ir.diag.Span;
import io.flytemigrate.kfp.tree.DocNode.DocMap;
import io.flytemigrate.kfp.tree.DocNode.DocScalar;
import io.flytemigrate.kfp.tree.DocNode.DocSeq;
import io.flytemigrate.kfp.tree.DocNode.Entry;
import io.flytemigrate.kfp.tree.DocNode.ScalarKind;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Loads one JSON document into {@link DocNode}s with Jackson's streaming parser, keeping the line
 * and column of every value, with the same depth and size limits as YAML.
 */
public final class JsonLoader {
  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          .streamReadConstraints(
              StreamReadConstraints.builder()
                  .maxNestingDepth(Limits.MAX_DEPTH)
                  .maxStringLength(Limits.MAX_CODE_POINTS)
                  .maxDocumentLength(Limits.MAX_CODE_POINTS)
                  .build())
          .build();

  private final String file;
  private final DiagnosticSink sink;

  public JsonLoader(String file, DiagnosticSink sink) {
    this.file = file;
    this.sink = sink;
  }

  /** The document, or empty if it could not be read (a diagnostic says why). */
  public Optional<DocNode> load(String text) {
    try (JsonParser p = FACTORY.createParser(text)) {
      JsonToken first = p.nextToken();
      if (first == null) {
        sink.report(Codes.NO_PIPELINE_SPEC, Span.at(file, 1, 1), "the file is empty");
        return Optional.empty();
      }
      DocNode root = read(p);
      if (p.nextToken() != null) {
        sink.report(Codes.SYNTAX, span(p.currentTokenLocation()), "invalid json: content after the end of the document");
      }
      return Optional.of(root);
    } catch (StreamConstraintsException e) {
      sink.report(Diagnostic.of(Codes.LIMIT_EXCEEDED, Span.at(file, 1, 1),
              "the json exceeds a safety limit: " + firstLine(e.getOriginalMessage()))
          .withHelp("compiled pipeline specs never need this; check that the file is what you meant to convert"));
    } catch (JsonParseException e) {
      sink.report(Codes.SYNTAX, span(e.getLocation()), "invalid json: " + firstLine(e.getOriginalMessage()));
    } catch (IOException e) {
      sink.report(Codes.SYNTAX, Span.at(file, 1, 1), "invalid json: " + firstLine(e.getMessage()));
    }
    return Optional.empty();
  }

  private DocNode read(JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    Span start = span(p.currentTokenLocation());
    switch (t) {
      case START_OBJECT -> {
        List<Entry> entries = new ArrayList<>();
        Map<String, Span> seen = new HashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String key = p.currentName();
          Span keySpan = span(p.currentTokenLocation());
          p.nextToken();
          DocNode value = read(p);
          Span firstSeen = seen.putIfAbsent(key, keySpan);
          if (firstSeen != null) {
            sink.report(Diagnostic.of(Codes.DUPLICATE_KEY, keySpan, "key `" + key + "` appears twice in this object")
                .withLabel(firstSeen, "first defined here"));
            continue;
          }
          entries.add(new Entry(key, keySpan, value));
        }
        return new DocMap(entries, start);
      }
      case START_ARRAY -> {
        List<DocNode> items = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          items.add(read(p));
        }
        return new DocSeq(items, start);
      }
      case VALUE_STRING -> {
        return new DocScalar(p.getText(), ScalarKind.STRING, start);
      }
      case VALUE_NUMBER_INT -> {
        return new DocScalar(p.getText(), ScalarKind.INT, start);
      }
      case VALUE_NUMBER_FLOAT -> {
        return new DocScalar(p.getText(), ScalarKind.FLOAT, start);
      }
      case VALUE_TRUE, VALUE_FALSE -> {
        return new DocScalar(p.getText(), ScalarKind.BOOL, start);
      }
      case VALUE_NULL -> {
        return new DocScalar("null", ScalarKind.NULL, start);
      }
      default -> throw new JsonParseException(p, "unexpected token " + t);
    }
  }

  private Span span(JsonLocation loc) {
    if (loc == null || loc.getLineNr() < 1) {
      return Span.at(file, 1, 1);
    }
    return Span.at(file, loc.getLineNr(), Math.max(1, loc.getColumnNr()));
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "malformed json";
    }
    int nl = s.indexOf('\n');
    String line = (nl >= 0 ? s.substring(0, nl) : s).trim();
    return line.isEmpty() ? "malformed json" : Character.toLowerCase(line.charAt(0)) + line.substring(1).replaceAll("[.]+$", "");
  }
}
