"""Python callables: PythonOperator op_args/op_kwargs, virtualenv, external python, lambda, imports."""
import sys

from airflow.decorators import task
from airflow.example_dags.libs.helper import print_stuff
from airflow.models.dag import DAG
from airflow.operators.python import ExternalPythonOperator, PythonOperator, PythonVirtualenvOperator


def greet(name: str, times: int = 1, **kwargs) -> str:
    """Greets someone."""
    return name * times


with DAG("python", schedule=None):
    a = PythonOperator(task_id="greet", python_callable=greet, op_args=["ada"], op_kwargs={"times": 2})
    b = PythonVirtualenvOperator(
        task_id="venv", python_callable=greet, op_args=["bob"], requirements=["colorama==0.4.0"], system_site_packages=False
    )
    c = ExternalPythonOperator(task_id="external", python=sys.executable, python_callable=greet, op_args=["cy"])
    d = PythonOperator(task_id="inline", python_callable=lambda: print("hi"))
    e = PythonOperator(task_id="imported", python_callable=print_stuff)

    @task.virtualenv(requirements=["pandas==2.2.0"], index_urls=["https://pypi.example/simple"])
    def frame(rows: list) -> int:
        import pandas as pd

        return len(pd.DataFrame(rows))

    a >> b >> c >> d >> e >> frame([1, 2])
