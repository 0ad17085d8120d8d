"""The top level writes a file, opens a socket, runs programs and imports a missing module."""
import os
import socket
import subprocess

import module_that_does_not_exist

from airflow.models.dag import DAG
from airflow.operators.bash import BashOperator

with open("written-by-the-dag.txt", "w") as f:
    f.write("the reader ran the file")
socket.create_connection(("localhost", 9)).send(b"hello")
os.system("rm -rf build")
subprocess.run(["touch", "touched-by-the-dag.txt"])
module_that_does_not_exist.initialise()

with DAG("side_effects", schedule=None):
    BashOperator(task_id="only_task", bash_command="echo safe")
