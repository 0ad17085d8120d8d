"""Dynamic task mapping: expand over a literal and an upstream result, partial, expand_kwargs."""
from airflow.decorators import task
from airflow.models.dag import DAG
from airflow.operators.bash import BashOperator

with DAG("mapping", schedule=None):

    @task
    def files() -> list[str]:
        return ["a.csv", "b.csv"]

    @task
    def size(path: str, unit: str) -> int:
        return 1

    @task
    def total(sizes: list[int]) -> int:
        return sum(sizes)

    sizes = size.partial(unit="kb").expand(path=files())
    total(sizes)
    BashOperator.partial(task_id="echo", retries=1).expand(bash_command=["echo 1", "echo 2"])
    size.expand_kwargs([{"path": "x", "unit": "b"}, {"path": "y", "unit": "kb"}])
