"""Repeated TaskFlow calls are suffixed __1, __2; .override renames and resets settings."""
from airflow.decorators import task
from airflow.models.dag import DAG

with DAG("override", schedule=None):

    @task(retries=1)
    def work(i: int) -> int:
        return i * 2

    a = work(1)
    b = work(2)
    c = work(3)
    named = [work.override(task_id=f"named_{i}", retries=5)(i) for i in range(2)]
    a >> b >> c >> named
