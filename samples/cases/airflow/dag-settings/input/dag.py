"""DAG-level settings: id, display name, description, tags, typed params, dates, catchup, limits."""
import pendulum
from datetime import timedelta

from airflow.models.dag import DAG
from airflow.models.param import Param
from airflow.operators.bash import BashOperator

with DAG(
    dag_id="reporting",
    dag_display_name="Reporting",
    description="Builds the daily reports",
    tags=["reports", "finance"],
    schedule="@daily",
    start_date=pendulum.datetime(2024, 3, 1, tz="Europe/Amsterdam"),
    end_date=pendulum.datetime(2025, 3, 1, tz="Europe/Amsterdam"),
    catchup=True,
    max_active_runs=1,
    max_active_tasks=4,
    dagrun_timeout=timedelta(hours=3),
    doc_md="Reports for **finance**.",
    params={
        "limit": Param(100, type="integer", minimum=1, maximum=1000, description="rows per report"),
        "region": Param("eu", type="string", enum=["eu", "us"]),
        "as_of": Param(type="string", format="date", description="the day to report on"),
        "dry_run": False,
    },
) as dag:
    BashOperator(task_id="build", bash_command="build --limit {{ params.limit }} --region {{ params.region }}")
