"""An @dag function: its parameters are DAG params, its docstring the DAG's doc, its call declares it."""
import pendulum

from airflow.sdk import dag, task


@dag(schedule=None, start_date=pendulum.datetime(2024, 1, 1, tz="UTC"), tags=["decorated"])
def report(region: str = "eu", days: int = 7):
    """Builds the weekly report."""

    @task
    def query(region: str, days: int) -> list[dict]:
        return [{"region": region, "days": days}]

    @task
    def publish(rows: list[dict]) -> None:
        print(rows)

    publish(query(region, days))


@dag
def never_called():
    pass


report()
