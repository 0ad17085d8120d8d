package io.flytemigrate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flytemigrate.ir.diag.Codes;
import io.flytemigrate.ir.diag.Diagnostic;
import io.flytemigrate.ir.diag.Outcome;
import io.flytemigrate.ir.diag.SourceFile;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class InputFilesTest {
  private static byte[] bytes(int... values) {
    byte[] b = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      b[i] = (byte) values[i];
    }
    return b;
  }

  private static Diagnostic only(Outcome<SourceFile> o) {
    assertFalse(o.value().isPresent(), "no text for a bad file");
    assertEquals(1, o.diagnostics().size(), o.diagnostics()::toString);
    return o.diagnostics().get(0);
  }

  @Test
  void validTextIsKeptExactly() {
    String text = "a:\r\n  b: \"é😀\"\n\tc\n";
    Outcome<SourceFile> o = InputFiles.decode("p.yaml", text.getBytes(StandardCharsets.UTF_8));
    assertTrue(o.ok(), o::toString);
    assertEquals(text, o.value().orElseThrow().text());
    assertEquals("p.yaml", o.value().orElseThrow().path());
  }

  @Test
  void aLeadingBomIsStrippedAndOnlyThat() {
    Outcome<SourceFile> o = InputFiles.decode("p.yaml", bytes(0xef, 0xbb, 0xbf, 'a', 0xef, 0xbb, 0xbf));
    assertEquals("a\uFEFF", o.value().orElseThrow().text());
  }

  @Test
  void columnsAfterABomDoNotCountIt() {
    Diagnostic d = only(InputFiles.decode("p.yaml", bytes(0xef, 0xbb, 0xbf, 'a', 'b', 0xc3)));
    assertEquals(Codes.NOT_UTF8, d.code());
    assertEquals("p.yaml:1:3", d.span().location());
  }

  @Test
  void aTruncatedSequenceAtTheEndIsReported() {
    Diagnostic d = only(InputFiles.decode("p.yaml", bytes('x', '\n', 'y', 0xe2, 0x82)));
    assertEquals("p.yaml:2:2", d.span().location());
    assertTrue(d.message().contains("byte `0xe2`"), d::message);
  }

  @Test
  void anEncodedSurrogateIsNotUtf8() {
    Diagnostic d = only(InputFiles.decode("p.yaml", bytes('x', 0xed, 0xa0, 0x80)));
    assertEquals("p.yaml:1:2", d.span().location());
  }

  @Test
  void theEarlierOfNulAndInvalidByteWins() {
    Diagnostic invalidFirst = only(InputFiles.decode("p.yaml", bytes('a', 0xff, 'b', 0)));
    assertEquals("p.yaml:1:2", invalidFirst.span().location());
    assertTrue(invalidFirst.message().contains("not valid utf-8"), invalidFirst::message);

    Diagnostic nulFirst = only(InputFiles.decode("p.yaml", bytes('a', 0, 'b', 0xff)));
    assertEquals("p.yaml:1:2", nulFirst.span().location());
    assertTrue(nulFirst.message().contains("nul byte"), nulFirst::message);
  }

  @Test
  void anIncompleteSequenceBeforeANulIsTheFirstBadByte() {
    Diagnostic d = only(InputFiles.decode("p.yaml", bytes('a', 0xc3, 0)));
    assertEquals("p.yaml:1:2", d.span().location());
    assertTrue(d.message().contains("byte `0xc3`"), d::message);
  }

  @Test
  void messagesAreOneLowercaseLineWithoutTrailingPeriod() {
    Diagnostic d = only(InputFiles.read("missing-file.yaml"));
    assertEquals(Codes.UNREADABLE_FILE, d.code());
    assertEquals("cannot read `missing-file.yaml`: no such file", d.message());
    assertEquals("missing-file.yaml", d.span().location());
  }
}
