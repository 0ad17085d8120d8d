package io.flytemigrate.flyteproto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.Message;
import flyteidl.admin.LaunchPlanOuterClass;
import flyteidl.admin.TaskOuterClass;
import flyteidl.admin.WorkflowOuterClass;
import org.junit.jupiter.api.Test;

/**
 * Every {@code .pb} of every golden package parses as the message its suffix names, names the
 * entity its file name names, and serialises back to exactly the same bytes, unknown fields
 * (the array nodes, pod copilot settings) included.
 */
class ParseBackTest {
  private static byte[] deterministic(Message m) throws Exception {
    byte[] out = new byte[m.getSerializedSize()];
    CodedOutputStream cos = CodedOutputStream.newInstance(out);
    cos.useDeterministicSerialization();
    m.writeTo(cos);
    return out;
  }

  @Test
  void everyEntityParsesAndReserialisesToTheSameBytes() throws Exception {
    int files = 0;
    for (String[] c : PackageGoldenTest.cases()) {
      byte[] pkg = Translation.of(c[1]).pkg().bytes();
      for (PackageJson.Member m : PackageJson.untar(PackageJson.gunzip(pkg))) {
        if (!m.name().endsWith(".pb")) {
          assertTrue(m.name().matches("fast[0-9a-f]{32}\\.tar\\.gz"), m.name());
          continue;
        }
        Message msg;
        String name;
        if (m.name().endsWith("_1.pb")) {
          TaskOuterClass.TaskSpec t = TaskOuterClass.TaskSpec.parseFrom(m.content());
          msg = t;
          name = t.getTemplate().getId().getName();
        } else if (m.name().endsWith("_2.pb")) {
          WorkflowOuterClass.WorkflowSpec w = WorkflowOuterClass.WorkflowSpec.parseFrom(m.content());
          msg = w;
          name = w.getTemplate().getId().getName();
        } else {
          LaunchPlanOuterClass.LaunchPlan l = LaunchPlanOuterClass.LaunchPlan.parseFrom(m.content());
          msg = l;
          name = l.getId().getName();
        }
        assertEquals(m.name().substring(m.name().indexOf('_') + 1, m.name().length() - 5), name, m.name());
        assertArrayEquals(m.content(), msg.toByteArray(), c[0] + ": " + m.name());
        assertArrayEquals(m.content(), deterministic(msg), c[0] + ": " + m.name());
        files++;
      }
    }
    assertTrue(files > 200, "checked " + files + " files");
  }
}
