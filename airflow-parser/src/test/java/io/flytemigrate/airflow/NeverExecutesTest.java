package io.flytemigrate.airflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flytemigrate.airflow.testing.Read;
import io.flytemigrate.ir.Pipeline;
import io.flytemigrate.ir.diag.Outcome;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A DAG file whose top level would write files, open a socket, run programs and import a
 * module that does not exist reads like any other, and none of it happens.
 */
class NeverExecutesTest {

  @Test
  void sideEffectsAtImportTimeNeverHappen(@TempDir Path dir) throws Exception {
    Path written = dir.resolve("written.txt");
    Path touched = dir.resolve("touched.txt");
    try (ServerSocketChannel server = ServerSocketChannel.open()) {
      server.bind(new InetSocketAddress("127.0.0.1", 0));
      server.configureBlocking(false);
      int port = ((InetSocketAddress) server.getLocalAddress()).getPort();
      String src = """
          import os
          import socket
          import subprocess
          import module_that_does_not_exist
          from airflow import DAG
          from airflow.operators.bash import BashOperator

          with open("%1$s", "w") as f:
              f.write("the reader ran the file")
          socket.create_connection(("127.0.0.1", %2$d)).send(b"hello")
          os.system("touch %3$s")
          subprocess.run(["touch", "%3$s"])
          module_that_does_not_exist.boom()
          __import__("shutil").rmtree("%4$s")

          with DAG("side_effects", schedule=None):
              BashOperator(task_id="t", bash_command="echo ok")
          """.formatted(written, port, touched, dir);
      Outcome<List<Pipeline>> o = Read.dagFile(src);
      assertTrue(o.ok(), Read.diagnostics(o));
      assertEquals(List.of("t"), Read.tasks(o.value().get().get(0)));
      assertNull(server.accept(), "the reader connected to the socket");
    }
    assertFalse(Files.exists(written), "the reader wrote a file");
    assertFalse(Files.exists(touched), "the reader ran a program");
    assertTrue(Files.isDirectory(dir), "the reader deleted a directory");
  }

  @Test
  void taskCodeIsNeverEvaluatedEvenWhenCalledFromTheDag() {
    String src = """
        from airflow.decorators import task
        from airflow import DAG
        with DAG("d", schedule=None):
            @task
            def t():
                while True:
                    pass
            t()
        """;
    assertEquals(List.of("t"), Read.tasks(Read.one(src)));
  }
}
