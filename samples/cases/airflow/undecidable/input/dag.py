"""What cannot be decided statically is reported, never guessed silently."""
import os

from airflow.models import Variable
from airflow.models.dag import DAG
from airflow.operators.bash import BashOperator
from airflow.operators.empty import EmptyOperator

ENVIRONMENT = os.environ.get("DEPLOYMENT", "dev")

if ENVIRONMENT == "prod":
    raise RuntimeError("refusing to load in production")

with DAG("undecidable", schedule=None):
    start = EmptyOperator(task_id="start")
    if Variable.get("with_extra", default_var="no") == "yes":
        start >> EmptyOperator(task_id="extra")
    for table in Variable.get("tables", deserialize_json=True):
        start >> BashOperator(task_id="copy_" + table, bash_command="copy " + table)
    BashOperator(task_id="report", bash_command=f"report --env {ENVIRONMENT}")
