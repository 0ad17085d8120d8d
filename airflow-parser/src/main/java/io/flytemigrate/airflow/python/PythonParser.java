package io.flytemigrate.airflow.python;

import io.flytemigrate.ir.diag.SourceFile;
import io.flytemigrate.ir.diag.Span;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.treesitter.TSInputEncoding;
import org.treesitter.TSNode;
import org.treesitter.TSParser;
import org.treesitter.TSSymbolType;
import org.treesitter.TSTree;
import org.treesitter.TSTreeCursor;
import org.treesitter.TreeSitterPython;

/**
 * Parses Python text with tree-sitter and copies the tree into {@link PyNode}s in one cursor pass.
 * The parser, tree and cursor are native objects that are not thread-safe; each call makes its
 * own and closes them before returning, so instances of this class may be shared.
 */
public final class PythonParser {

  /** A tree (always, tree-sitter recovers from errors) and the first syntax problem, if any. */
  public record Result(PySource source, Optional<SyntaxProblem> problem) {}

  public Result parse(SourceFile file) {
    String text = file.text();
    int[] charAt = byteToChar(text);
    PyNode root;
    TSParser parser = new TSParser();
    try {
      parser.setLanguage(new TreeSitterPython());
      // The binding hands the string to tree-sitter as (modified) UTF-8; byteToChar undoes that.
      TSTree tree = parser.parseStringEncoding(null, text, TSInputEncoding.TSInputEncodingUTF8);
      try {
        root = copy(tree.getRootNode(), file, charAt);
      } finally {
        tree.close();
      }
    } finally {
      parser.close();
    }
    PySource source = new PySource(file, root);
    return new Result(source, firstProblem(source));
  }

  /**
   * Copies the tree without recursion (deeply nested input must not overflow the Java stack):
   * each open node keeps a list of the children copied so far.
   */
  private static PyNode copy(TSNode rootNode, SourceFile file, int[] charAt) {
    record Open(String type, String field, boolean named, boolean error, boolean missing, int start, int end,
        List<PyNode> children) {}
    Deque<Open> open = new ArrayDeque<>();
    try (TSTreeCursor cursor = new TSTreeCursor(rootNode)) {
      while (true) {
        TSNode n = cursor.currentNode();
        int symbol = n.getSymbol();
        int startByte = n.getStartByte();
        int endByte = n.getEndByte();
        int start = charAt[clamp(startByte, charAt.length - 1)];
        int end = charAt[clamp(endByte, charAt.length - 1)];
        String type = Grammar.type(symbol, n);
        // Only a token tree-sitter inserted to recover is missing, and such a token is empty.
        boolean missing = startByte == endByte && n.isMissing();
        open.push(new Open(type, Grammar.field(cursor.currentFieldId()), Grammar.named(symbol, n),
            symbol == Grammar.ERROR, missing, start, Math.max(start, end), new ArrayList<>()));
        if (cursor.gotoFirstChild()) {
          continue;
        }
        while (true) {
          Open done = open.pop();
          PyNode node = node(done.type, done.field, done.named, done.error, done.missing, done.start, done.end,
              done.children, file);
          if (open.isEmpty()) {
            return node;
          }
          open.peek().children.add(node);
          if (cursor.gotoNextSibling()) {
            break;
          }
          if (!cursor.gotoParent()) {
            // Unreachable for a well-formed cursor; close what is open.
            while (!open.isEmpty()) {
              Open o = open.pop();
              node = node(o.type, o.field, o.named, o.error, o.missing, o.start, o.end, o.children, file);
              if (!open.isEmpty()) {
                open.peek().children.add(node);
              }
            }
            return node;
          }
        }
      }
    }
  }

  /**
   * The grammar's symbol and field names, read from the language once: every accessor of a
   * {@code TSNode} is a JNI call that checks the node first (two calls), and the type and field
   * names were new strings for every node, so copying the tree was three quarters of reading a
   * DAG file. A node's type and namedness follow from its (alias-resolved) symbol, as
   * tree-sitter's {@code ts_node_type} and {@code ts_node_is_named} compute them.
   */
  static final class Grammar {
    /** tree-sitter's {@code ts_builtin_sym_error}, the symbol of ERROR nodes. */
    static final int ERROR = 65535;
    private static final String[] TYPES;
    private static final boolean[] NAMED;
    private static final String[] FIELDS;

    static {
      TreeSitterPython python = new TreeSitterPython();
      int symbols = python.symbolCount();
      TYPES = new String[symbols];
      NAMED = new boolean[symbols];
      for (int i = 0; i < symbols; i++) {
        TYPES[i] = python.symbolName(i);
        NAMED[i] = python.symbolType(i) == TSSymbolType.TSSymbolTypeRegular;
      }
      int fields = python.fieldCount();
      FIELDS = new String[fields + 1];
      FIELDS[0] = "";
      for (int i = 1; i <= fields; i++) {
        String name = python.fieldNameForId(i);
        FIELDS[i] = name == null ? "" : name;
      }
    }

    private Grammar() {}

    static String type(int symbol, TSNode n) {
      if (symbol == ERROR) {
        return "ERROR";
      }
      return symbol >= 0 && symbol < TYPES.length ? TYPES[symbol] : n.getType();
    }

    static boolean named(int symbol, TSNode n) {
      if (symbol == ERROR) {
        return true;
      }
      return symbol >= 0 && symbol < NAMED.length ? NAMED[symbol] : n.isNamed();
    }

    static String field(int id) {
      return id > 0 && id < FIELDS.length ? FIELDS[id] : "";
    }
  }

  private static PyNode node(String type, String field, boolean named, boolean error, boolean missing, int start,
      int end, List<PyNode> children, SourceFile file) {
    int[] s = file.position(start);
    int[] e = file.position(end);
    return new PyNode(type, field, named, error, missing, start, end, s[0], s[1], e[0], e[1], children);
  }

  private static int clamp(int v, int max) {
    return Math.max(0, Math.min(v, max));
  }

  /**
   * The character index of every byte offset of the text as the JNI layer encodes it: modified
   * UTF-8, where NUL takes two bytes and each surrogate half three.
   */
  static int[] byteToChar(String text) {
    int bytes = 0;
    for (int i = 0; i < text.length(); i++) {
      bytes += width(text.charAt(i));
    }
    int[] map = new int[bytes + 1];
    int b = 0;
    for (int i = 0; i < text.length(); i++) {
      int w = width(text.charAt(i));
      for (int k = 0; k < w; k++) {
        map[b++] = i;
      }
    }
    map[bytes] = text.length();
    return map;
  }

  private static int width(char c) {
    if (c == 0) {
      return 2;
    }
    if (c < 0x80) {
      return 1;
    }
    if (c < 0x800) {
      return 2;
    }
    return 3;
  }

  /** The first ERROR or MISSING node in document order, or a Python 2 statement. */
  private static Optional<SyntaxProblem> firstProblem(PySource source) {
    Deque<PyNode> stack = new ArrayDeque<>();
    stack.push(source.root());
    while (!stack.isEmpty()) {
      PyNode n = stack.pop();
      if (n.error()) {
        return Optional.of(new SyntaxProblem(pointSpan(source, n), "invalid python syntax near `" + snippet(source, n) + "`",
            "the file must be valid python 3; `python3 -m py_compile` on it shows python's own message"));
      }
      if (n.missing()) {
        String what = n.isNamed() ? n.type().replace('_', ' ') : "`" + n.type() + "`";
        return Optional.of(new SyntaxProblem(pointSpan(source, n), "invalid python syntax: " + what + " is missing here",
            "the file must be valid python 3; `python3 -m py_compile` on it shows python's own message"));
      }
      if (n.is("print_statement") || n.is("exec_statement")) {
        String kw = n.is("print_statement") ? "print" : "exec";
        return Optional.of(new SyntaxProblem(pointSpan(source, n), "python 2 `" + kw + "` statement",
            "airflow 2 and 3 need python 3: write `" + kw + "(...)` as a function call"));
      }
      List<PyNode> kids = n.children();
      for (int i = kids.size() - 1; i >= 0; i--) {
        stack.push(kids.get(i));
      }
    }
    return Optional.empty();
  }

  private static Span pointSpan(PySource source, PyNode n) {
    return Span.at(source.path(), n.line(), n.column());
  }

  private static String snippet(PySource source, PyNode n) {
    String t = source.text(n).strip();
    int nl = t.indexOf('\n');
    if (nl >= 0) {
      t = t.substring(0, nl).strip();
    }
    if (t.length() > 40) {
      t = t.substring(0, 40) + "...";
    }
    return t.isEmpty() ? n.type() : t.replace('`', '\'');
  }
}
