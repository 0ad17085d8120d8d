package io.flytemigrate.airflow.python;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One node of a Python syntax tree, copied out of tree-sitter so that analysis never calls into
 * native code. Positions are in characters (UTF-16 units of the Java string), 0-based offsets and
 * 1-based line and column, already converted from tree-sitter's byte columns.
 *
 * @param type the tree-sitter node type, e.g. {@code call} or {@code identifier}; anonymous
 *     tokens carry their text, e.g. {@code >>}
 * @param field the field name under the parent ({@code function}, {@code arguments}), or empty
 * @param isNamed whether tree-sitter calls it a named node (anonymous tokens are not)
 * @param error an {@code ERROR} node: text tree-sitter could not parse
 * @param missing a zero-width node tree-sitter inserted to recover from an error
 * @param start offset of the first character
 * @param end offset after the last character
 */
public record PyNode(
    String type,
    String field,
    boolean isNamed,
    boolean error,
    boolean missing,
    int start,
    int end,
    int line,
    int column,
    int endLine,
    int endColumn,
    List<PyNode> children) {
  public PyNode {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(field, "field");
    children = List.copyOf(children);
  }

  /** The first child under {@code fieldName}, or null. */
  public PyNode get(String fieldName) {
    for (PyNode c : children) {
      if (c.field.equals(fieldName)) {
        return c;
      }
    }
    return null;
  }

  /** The first child under {@code fieldName}, if there is one. */
  public Optional<PyNode> child(String fieldName) {
    return Optional.ofNullable(get(fieldName));
  }

  /** Every child under {@code fieldName}, in order. */
  public List<PyNode> all(String fieldName) {
    List<PyNode> out = new ArrayList<>();
    for (PyNode c : children) {
      if (c.field.equals(fieldName)) {
        out.add(c);
      }
    }
    return out;
  }

  /** The named children, without comments. */
  public List<PyNode> named() {
    List<PyNode> out = new ArrayList<>();
    for (PyNode c : children) {
      if (c.isNamed && !c.type.equals("comment")) {
        out.add(c);
      }
    }
    return out;
  }

  /** The first named child of this type, or null. */
  public PyNode firstOfType(String childType) {
    for (PyNode c : children) {
      if (c.type.equals(childType)) {
        return c;
      }
    }
    return null;
  }

  public boolean is(String nodeType) {
    return type.equals(nodeType);
  }

  /** Whether an anonymous token with this text is a direct child (e.g. {@code not} in {@code not in}). */
  public boolean hasToken(String token) {
    for (PyNode c : children) {
      if (!c.isNamed && c.type.equals(token)) {
        return true;
      }
    }
    return false;
  }
}
