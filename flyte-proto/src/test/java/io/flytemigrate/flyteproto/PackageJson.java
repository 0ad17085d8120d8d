package io.flytemigrate.flyteproto;

import com.google.protobuf.DescriptorProtos;
import com.google.protobuf.Descriptors;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import flyteidl.admin.LaunchPlanOuterClass;
import flyteidl.admin.TaskOuterClass;
import flyteidl.admin.WorkflowOuterClass;
import flyteidl.core.Tasks;
import flyteidl.core.Workflow;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Renders a package as readable text for golden files: every member in archive order, each
 * {@code .pb} as protobuf JSON (proto field names, fields in number order, map entries sorted as
 * the deterministic bytes hold them), the fast tarball as its list of files (its md5 and the
 * files' contents are the Python writer's business and are left out, so these goldens change only
 * when the package's messages or layout do). Fields flyteidl
 * 0.4.35 lacks but the package writes as unknown fields ({@code Node.array_node}, {@code
 * K8sPod.data_config}) are shown by parsing with the 0.4.35 schema extended by exactly those
 * fields of the current IDL, so the JSON shows everything the bytes hold.
 */
public final class PackageJson {
  private static final Schema SCHEMA = new Schema();

  private PackageJson() {}

  public static String render(byte[] tgz) {
    StringBuilder out = new StringBuilder();
    for (Member m : untar(gunzip(tgz))) {
      if (m.name().endsWith(".pb")) {
        out.append("=== ").append(m.name()).append('\n');
        out.append(json(m.name(), m.content())).append('\n');
      } else {
        // The md5 and the file contents belong to the Python writer's goldens, not to these.
        out.append("=== ").append(m.name().replaceAll("^fast[0-9a-f]{32}", "fast<md5>")).append('\n');
        out.append("fast tarball, ").append(untar(gunzip(m.content())).size()).append(" files:\n");
        for (Member f : untar(gunzip(m.content()))) {
          out.append("  ").append(f.name()).append('\n');
        }
      }
    }
    return out.toString();
  }

  /** One message as JSON, by its file name's suffix. */
  public static String json(String fileName, byte[] bytes) {
    Descriptors.Descriptor type = fileName.endsWith("_1.pb") ? SCHEMA.taskSpec
        : fileName.endsWith("_2.pb") ? SCHEMA.workflowSpec : SCHEMA.launchPlan;
    try {
      DynamicMessage m = DynamicMessage.parseFrom(type, bytes);
      return JsonFormat.printer().preservingProtoFieldNames().print(m);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException(fileName + " does not parse", e);
    }
  }

  /** A tar member. */
  public record Member(String name, byte[] content) {}

  public static byte[] gunzip(byte[] gz) {
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The regular files of an uncompressed ustar archive, with pax {@code path} records applied. */
  public static List<Member> untar(byte[] tar) {
    List<Member> out = new ArrayList<>();
    int pos = 0;
    String paxPath = null;
    while (pos + 512 <= tar.length) {
      boolean zero = true;
      for (int i = pos; i < pos + 512; i++) {
        zero &= tar[i] == 0;
      }
      if (zero) {
        break;
      }
      String name = cString(tar, pos, 100);
      long size = Long.parseLong(cString(tar, pos + 124, 12).trim(), 8);
      char type = (char) tar[pos + 156];
      byte[] content = java.util.Arrays.copyOfRange(tar, pos + 512, pos + 512 + (int) size);
      pos += 512 + (int) ((size + 511) / 512 * 512);
      if (type == 'x') {
        String rec = new String(content, StandardCharsets.UTF_8);
        paxPath = rec.substring(rec.indexOf("path=") + 5, rec.length() - 1);
        continue;
      }
      out.add(new Member(paxPath != null ? paxPath : name, content));
      paxPath = null;
    }
    return out;
  }

  private static String cString(byte[] b, int off, int len) {
    int end = off;
    while (end < off + len && b[end] != 0) {
      end++;
    }
    return new String(b, off, end - off, StandardCharsets.UTF_8);
  }

  /** The 0.4.35 descriptors of the admin messages, with the two newer fields added. */
  private static final class Schema {
    final Descriptors.Descriptor taskSpec;
    final Descriptors.Descriptor workflowSpec;
    final Descriptors.Descriptor launchPlan;

    Schema() {
      try {
        Descriptors.FileDescriptor tasksOrig = Tasks.getDescriptor();
        DescriptorProtos.FileDescriptorProto.Builder tasks = tasksOrig.toProto().toBuilder();
        for (DescriptorProtos.DescriptorProto.Builder m : tasks.getMessageTypeBuilderList()) {
          if (m.getName().equals("K8sPod")) {
            m.addField(DescriptorProtos.FieldDescriptorProto.newBuilder().setName("data_config").setNumber(3)
                .setLabel(DescriptorProtos.FieldDescriptorProto.Label.LABEL_OPTIONAL)
                .setType(DescriptorProtos.FieldDescriptorProto.Type.TYPE_MESSAGE).setTypeName(".flyteidl.core.DataLoadingConfig"));
          }
        }
        Descriptors.FileDescriptor newTasks = Descriptors.FileDescriptor.buildFrom(tasks.build(), deps(tasksOrig, null, null));

        Descriptors.FileDescriptor wfOrig = Workflow.getDescriptor();
        DescriptorProtos.FileDescriptorProto.Builder wf = wfOrig.toProto().toBuilder();
        wf.addMessageType(DescriptorProtos.DescriptorProto.newBuilder().setName("ArrayNode")
            .addField(field("node", 1, DescriptorProtos.FieldDescriptorProto.Type.TYPE_MESSAGE, ".flyteidl.core.Node", false))
            .addField(field("parallelism", 2, DescriptorProtos.FieldDescriptorProto.Type.TYPE_UINT32, null, false))
            .addField(field("min_successes", 3, DescriptorProtos.FieldDescriptorProto.Type.TYPE_UINT32, null, false))
            .addField(field("min_success_ratio", 4, DescriptorProtos.FieldDescriptorProto.Type.TYPE_FLOAT, null, false))
            .addField(field("execution_mode", 5, DescriptorProtos.FieldDescriptorProto.Type.TYPE_INT32, null, false))
            .addField(field("is_original_sub_node_interface", 6, DescriptorProtos.FieldDescriptorProto.Type.TYPE_MESSAGE,
                ".google.protobuf.BoolValue", false))
            .addField(field("data_mode", 7, DescriptorProtos.FieldDescriptorProto.Type.TYPE_INT32, null, false))
            .addField(field("bound_inputs", 8, DescriptorProtos.FieldDescriptorProto.Type.TYPE_STRING, null, true)));
        if (!wf.getDependencyList().contains("google/protobuf/wrappers.proto")) {
          wf.addDependency("google/protobuf/wrappers.proto");
        }
        for (DescriptorProtos.DescriptorProto.Builder m : wf.getMessageTypeBuilderList()) {
          if (m.getName().equals("Node")) {
            m.addField(field("array_node", 10, DescriptorProtos.FieldDescriptorProto.Type.TYPE_MESSAGE, ".flyteidl.core.ArrayNode", false));
          }
        }
        List<Descriptors.FileDescriptor> wfDeps = new ArrayList<>(List.of(deps(wfOrig, tasksOrig, newTasks)));
        wfDeps.add(com.google.protobuf.WrappersProto.getDescriptor());
        Descriptors.FileDescriptor newWf = Descriptors.FileDescriptor.buildFrom(wf.build(), wfDeps.toArray(new Descriptors.FileDescriptor[0]));

        Descriptors.FileDescriptor adminTask = rebuild(TaskOuterClass.getDescriptor(), tasksOrig, newTasks, wfOrig, newWf);
        Descriptors.FileDescriptor adminWf = rebuild(WorkflowOuterClass.getDescriptor(), tasksOrig, newTasks, wfOrig, newWf);
        Descriptors.FileDescriptor adminLp = rebuild(LaunchPlanOuterClass.getDescriptor(), tasksOrig, newTasks, wfOrig, newWf);
        taskSpec = adminTask.findMessageTypeByName("TaskSpec");
        workflowSpec = adminWf.findMessageTypeByName("WorkflowSpec");
        launchPlan = adminLp.findMessageTypeByName("LaunchPlan");
      } catch (Descriptors.DescriptorValidationException e) {
        throw new IllegalStateException(e);
      }
    }

    private static DescriptorProtos.FieldDescriptorProto.Builder field(String name, int number,
        DescriptorProtos.FieldDescriptorProto.Type type, String typeName, boolean repeated) {
      DescriptorProtos.FieldDescriptorProto.Builder f = DescriptorProtos.FieldDescriptorProto.newBuilder()
          .setName(name).setNumber(number).setType(type)
          .setLabel(repeated ? DescriptorProtos.FieldDescriptorProto.Label.LABEL_REPEATED
              : DescriptorProtos.FieldDescriptorProto.Label.LABEL_OPTIONAL);
      if (typeName != null) {
        f.setTypeName(typeName);
      }
      return f;
    }

    private static Descriptors.FileDescriptor[] deps(Descriptors.FileDescriptor f, Descriptors.FileDescriptor from,
        Descriptors.FileDescriptor to) {
      return f.getDependencies().stream().map(d -> d == from ? to : d).toArray(Descriptors.FileDescriptor[]::new);
    }

    /** A file rebuilt on the extended tasks and workflow files, directly or through its dependencies. */
    private Descriptors.FileDescriptor rebuild(Descriptors.FileDescriptor f, Descriptors.FileDescriptor tasksOrig,
        Descriptors.FileDescriptor newTasks, Descriptors.FileDescriptor wfOrig, Descriptors.FileDescriptor newWf)
        throws Descriptors.DescriptorValidationException {
      return rebuilt(f, tasksOrig, newTasks, wfOrig, newWf, new java.util.HashMap<>());
    }

    private Descriptors.FileDescriptor rebuilt(Descriptors.FileDescriptor f, Descriptors.FileDescriptor tasksOrig,
        Descriptors.FileDescriptor newTasks, Descriptors.FileDescriptor wfOrig, Descriptors.FileDescriptor newWf,
        java.util.Map<String, Descriptors.FileDescriptor> done) throws Descriptors.DescriptorValidationException {
      if (f == tasksOrig) {
        return newTasks;
      }
      if (f == wfOrig) {
        return newWf;
      }
      if (done.containsKey(f.getName())) {
        return done.get(f.getName());
      }
      if (!dependsOn(f, tasksOrig) && !dependsOn(f, wfOrig)) {
        done.put(f.getName(), f);
        return f;
      }
      List<Descriptors.FileDescriptor> deps = new ArrayList<>();
      for (Descriptors.FileDescriptor d : f.getDependencies()) {
        deps.add(rebuilt(d, tasksOrig, newTasks, wfOrig, newWf, done));
      }
      Descriptors.FileDescriptor out = Descriptors.FileDescriptor.buildFrom(f.toProto(), deps.toArray(new Descriptors.FileDescriptor[0]));
      done.put(f.getName(), out);
      return out;
    }

    private static boolean dependsOn(Descriptors.FileDescriptor f, Descriptors.FileDescriptor target) {
      for (Descriptors.FileDescriptor d : f.getDependencies()) {
        if (d == target || dependsOn(d, target)) {
          return true;
        }
      }
      return false;
    }
  }
}
