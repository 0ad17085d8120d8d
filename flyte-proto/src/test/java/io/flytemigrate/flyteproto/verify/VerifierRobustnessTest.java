package io.flytemigrate.flyteproto.verify;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flytemigrate.flyteproto.PackageJson;
import io.flytemigrate.flyteproto.Translation;
import io.flytemigrate.ir.diag.Diagnostic;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A damaged package is a diagnostic, never an exception: bytes flipped in the archive, and bytes
 * flipped inside each message (which protobuf often still parses, into something else), with a
 * fixed seed so every run damages the same bytes.
 */
class VerifierRobustnessTest {
  private static final List<String> PIPELINES = List.of(
      "kfp/sdk_compiled_pipelines/valid/if_elif_else_with_oneof_parameters.yaml",
      "kfp/sdk_compiled_pipelines/valid/parallel_and_nested/nested_parallel_for_secret.yaml",
      "kfp/sdk_compiled_pipelines/valid/local_execution/local_execution_pipeline_with_exit_handler.yaml");

  @Test
  void flippedBytesInTheArchiveAreDiagnostics() {
    Random random = new Random(42);
    for (String p : PIPELINES) {
      Translation t = Translation.of(p);
      byte[] good = t.pkg().bytes();
      for (int round = 0; round < 40; round++) {
        byte[] bad = good.clone();
        for (int k = 0; k < 1 + random.nextInt(4); k++) {
          bad[random.nextInt(bad.length)] ^= (byte) (1 + random.nextInt(255));
        }
        List<Diagnostic> ds = Verifier.verify("flyte-package.tgz", bad, t.pipeline(), Optional.of(t.lowered().parity()));
        assertTrue(ds.stream().allMatch(d -> !d.message().isEmpty()), p);
      }
    }
  }

  @Test
  void flippedBytesInsideMessagesAreDiagnostics() {
    Random random = new Random(7);
    int failed = 0;
    for (String p : PIPELINES) {
      Translation t = Translation.of(p);
      List<PackageJson.Member> files = Tamper.files(t.pkg().bytes());
      for (int round = 0; round < 60; round++) {
        List<PackageJson.Member> bad = new ArrayList<>();
        int target = random.nextInt(files.size());
        for (int i = 0; i < files.size(); i++) {
          PackageJson.Member m = files.get(i);
          if (i == target && m.content().length > 0) {
            byte[] c = m.content().clone();
            c[random.nextInt(c.length)] ^= (byte) (1 + random.nextInt(255));
            bad.add(new PackageJson.Member(m.name(), c));
          } else {
            bad.add(m);
          }
        }
        List<Diagnostic> ds = Verifier.verify("flyte-package.tgz", Tamper.pack(bad), t.pipeline(), Optional.of(t.lowered().parity()));
        if (!Verifier.passed(ds)) {
          failed++;
        }
      }
    }
    assertFalse(failed == 0, "some damage must be noticed");
  }
}
