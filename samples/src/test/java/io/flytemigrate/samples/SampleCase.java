package io.flytemigrate.samples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One sample case: a folder under {@code samples/cases} with either {@code input/<file>} (a
 * hand-made input) or {@code corpus.txt} (the path of a corpus file, relative to the corpus
 * root), and its approved outputs under {@code approved/}.
 */
record SampleCase(Path dir, String name, String displayPath, Path input) {

  static List<SampleCase> discover() {
    Path cases = Corpus.repoRoot().resolve("samples/cases");
    List<SampleCase> out = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (Path f : Corpus.files(cases)) {
      Path dir = f.getParent();
      if (f.getFileName().toString().equals("corpus.txt")) {
        String rel = read(f).strip();
        Path input = Corpus.corpusRoot().resolve(rel).normalize();
        if (!Files.isRegularFile(input)) {
          problems.add(dir + ": corpus.txt names a missing file " + rel);
        }
        out.add(new SampleCase(dir, cases.relativize(dir).toString().replace('\\', '/'), "corpus/" + rel, input));
      } else if (dir.getFileName().toString().equals("input")) {
        Path caseDir = dir.getParent();
        out.add(new SampleCase(caseDir, cases.relativize(caseDir).toString().replace('\\', '/'),
            "input/" + f.getFileName(), f));
      } else if (dir.getFileName().toString().equals("approved")) {
        Path caseDir = dir.getParent();
        if (!Files.isDirectory(caseDir.resolve("input")) && !Files.isRegularFile(caseDir.resolve("corpus.txt"))) {
          problems.add(caseDir + ": approved files without an input/ or corpus.txt");
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalStateException("unmatched sample cases:\n" + String.join("\n", problems));
    }
    out.sort((a, b) -> a.name().compareTo(b.name()));
    return out;
  }

  String text() {
    return read(input);
  }

  static String read(Path p) {
    try {
      return new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String toString() {
    return name;
  }
}
