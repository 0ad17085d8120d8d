package io.flytemigrate.bench.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.flytemigrate.kfp.KfpV2Reader;
import java.nio.charset.StandardCharsets;

/**
 * Fuzzes the KFP v2 reader with YAML and with JSON, seeded from the corpus
 * ({@code KfpV2ReaderFuzzTestInputs/yaml} and {@code .../json}). The bytes are decoded leniently
 * (bad UTF-8 becomes U+FFFD, NUL stays), so the reader also sees text the cli would refuse.
 * Another reader's fuzz test is one more method of this shape with its own seeds folder.
 */
class KfpV2ReaderFuzzTest {
  private final KfpV2Reader reader = new KfpV2Reader();

  @FuzzTest
  void yaml(byte[] data) {
    ReaderProperty.check(reader, new String(data, StandardCharsets.UTF_8));
  }

  /** Keeps the input on the JSON path: the reader picks JSON when the text starts with `{`. */
  @FuzzTest
  void json(byte[] data) {
    String text = new String(data, StandardCharsets.UTF_8);
    ReaderProperty.check(reader, text.stripLeading().startsWith("{") ? text : "{" + text);
  }
}
