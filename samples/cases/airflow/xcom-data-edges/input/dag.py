"""Data edges from XComArgs: TaskFlow results, .output, XComArg(op), res["key"], dict returns."""
from airflow.decorators import task
from airflow.models.dag import DAG
from airflow.models.xcom_arg import XComArg
from airflow.operators.bash import BashOperator
from airflow.operators.python import PythonOperator


def count(lines):
    return len(lines)


with DAG("xcoms", schedule=None):
    listing = BashOperator(task_id="listing", bash_command="ls /data")

    @task
    def split(text: str) -> dict[str, list]:
        return {"lines": text.splitlines(), "empty": []}

    @task
    def report(n: int, raw: str, lines: list):
        print(n, raw, lines)

    parts = split(listing.output)
    counted = PythonOperator(task_id="count", python_callable=count, op_kwargs={"lines": parts["lines"]})
    report(counted.output, XComArg(listing), parts["lines"])
