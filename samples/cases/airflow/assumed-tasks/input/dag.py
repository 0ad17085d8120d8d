"""Task functions imported from project modules are assumed to create tasks when used as tasks."""
from airflow.sdk import DAG, task

from project.config import load_config
from project.tasks import clean, download, notify

with DAG("project", schedule=None):
    config = load_config("pipeline.yaml")

    @task
    def combine(a, b):
        return a + b

    raw = download()
    combine(clean(raw), raw) >> notify(channel="#data")
