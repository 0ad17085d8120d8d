package io.flytemigrate.flyteproto.write;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.UnknownFieldSet;
import flyteidl.core.Workflow;
import io.flytemigrate.flyte.model.NodeTarget;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code Node.array_node}, which flyteidl 0.4.35 lacks (flyte-target.md 9), written as unknown
 * field 10 of {@code Node} holding an {@code ArrayNode} encoded by hand with the field numbers of
 * the current IDL: {@code node} 1, {@code parallelism} 2 (only when limited), {@code
 * min_success_ratio} 4, {@code is_original_sub_node_interface} 6 (an empty {@code BoolValue}:
 * false, as flytekit writes it) and {@code bound_inputs} 8, sorted. {@code execution_mode} and
 * {@code data_mode} keep their zero defaults (MINIMAL_STATE, SINGLE_INPUT_FILE), which proto3 does
 * not write. The node then has no {@code task_node}: {@code array_node} is a member of the same
 * {@code target} oneof.
 */
final class ArrayNodeWriter {
  static final int NODE_ARRAY_NODE = 10;
  static final int NODE = 1;
  static final int PARALLELISM = 2;
  static final int MIN_SUCCESS_RATIO = 4;
  static final int IS_ORIGINAL_SUB_NODE_INTERFACE = 6;
  static final int BOUND_INPUTS = 8;

  private ArrayNodeWriter() {}

  static UnknownFieldSet field(NodeTarget.ArrayCall call, Workflow.Node subNode) {
    ByteString.Output buf = ByteString.newOutput();
    CodedOutputStream out = CodedOutputStream.newInstance(buf);
    out.useDeterministicSerialization();
    try {
      out.writeMessage(NODE, subNode);
      if (call.parallelism().isPresent()) {
        out.writeUInt32(PARALLELISM, call.parallelism().getAsInt());
      }
      out.writeFloat(MIN_SUCCESS_RATIO, (float) call.minSuccessRatio());
      out.writeBytes(IS_ORIGINAL_SUB_NODE_INTERFACE, ByteString.EMPTY);
      List<String> bound = new ArrayList<>(call.boundInputs());
      bound.sort(null);
      for (String input : bound) {
        out.writeString(BOUND_INPUTS, input);
      }
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory failed", e);
    }
    return UnknownFieldSet.newBuilder()
        .addField(NODE_ARRAY_NODE, UnknownFieldSet.Field.newBuilder().addLengthDelimited(buf.toByteString()).build())
        .build();
  }
}
