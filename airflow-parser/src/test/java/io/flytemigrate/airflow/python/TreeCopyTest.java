package io.flytemigrate.airflow.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flytemigrate.ir.diag.SourceFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.treesitter.TSInputEncoding;
import org.treesitter.TSNode;
import org.treesitter.TSParser;
import org.treesitter.TSTree;
import org.treesitter.TreeSitterPython;

/**
 * The copy of the tree takes each node's type and namedness from its symbol, through tables read
 * from the grammar once; this walks the same trees with tree-sitter's own accessors for every
 * node and expects the same nodes, on every Python file of the corpus and on broken text.
 */
class TreeCopyTest {
  /** One node as the accessors tell it, in document order. */
  private static void reference(TSNode n, String field, int[] charAt, List<String> out) {
    out.add(n.getType() + "|" + field + "|" + n.isNamed() + "|" + n.isError() + "|" + n.isMissing() + "|"
        + charAt[Math.min(n.getStartByte(), charAt.length - 1)] + "|" + charAt[Math.min(n.getEndByte(), charAt.length - 1)]);
    for (int i = 0; i < n.getChildCount(); i++) {
      String f = n.getFieldNameForChild(i);
      reference(n.getChild(i), f == null ? "" : f, charAt, out);
    }
  }

  private static List<String> viaAccessors(String text) {
    List<String> out = new ArrayList<>();
    TSParser parser = new TSParser();
    try {
      parser.setLanguage(new TreeSitterPython());
      TSTree tree = parser.parseStringEncoding(null, text, TSInputEncoding.TSInputEncodingUTF8);
      try {
        reference(tree.getRootNode(), "", PythonParser.byteToChar(text), out);
      } finally {
        tree.close();
      }
    } finally {
      parser.close();
    }
    return out;
  }

  private static void copied(PyNode n, List<String> out) {
    out.add(n.type() + "|" + n.field() + "|" + n.isNamed() + "|" + n.error() + "|" + n.missing() + "|" + n.start() + "|"
        + Math.max(n.start(), n.end()));
    n.children().forEach(c -> copied(c, out));
  }

  private static List<String> viaCopy(String text) {
    List<String> out = new ArrayList<>();
    copied(new PythonParser().parse(new SourceFile("f.py", text)).source().root(), out);
    return out;
  }

  private static void same(String what, String text) {
    List<String> want = viaAccessors(text);
    // The reference's end may precede its start only where the copy clamps it, which no case here has.
    assertEquals(want, viaCopy(text), what);
  }

  @Test
  void brokenAndUnusualTextCopiesAsTheAccessorsTellIt() {
    same("missing token", "x = (1,\n");
    same("error node", "def f(:\n    pass\n");
    same("python 2 print", "print 'x'\n");
    same("non-ASCII and NUL", "s = 'é\u0000😀'\n# ü\n");
    same("empty", "");
    same("aliases and keywords", "async def f():\n    await g()\nmatch x:\n    case [1, *r]:\n        pass\n");
  }

  @Test
  void everyCorpusPythonFileCopiesAsTheAccessorsTellIt() throws IOException {
    Path corpus = io.flytemigrate.airflow.AirflowCorpusTestAccess.corpus();
    List<Path> files;
    try (Stream<Path> s = Files.walk(corpus)) {
      files = s.filter(p -> p.toString().endsWith(".py")).sorted().toList();
    }
    assertTrue(files.size() > 90, () -> "only " + files.size() + " Python files under " + corpus);
    for (Path f : files) {
      same(corpus.relativize(f).toString(), Files.readString(f, StandardCharsets.UTF_8));
    }
  }
}
