"""Bash commands: templates, templated environment, scripts, exit code 99, and @task.bash."""
from airflow.decorators import task
from airflow.models.dag import DAG
from airflow.operators.bash import BashOperator

with DAG("bash", schedule="@daily", params={"target": "prod"}):
    plain = BashOperator(task_id="plain", bash_command="echo hello && date")
    templated = BashOperator(
        task_id="templated",
        bash_command="echo {{ ds }} {{ params.target }} {{ run_id }}",
        env={"STAGE": "1", "WHEN": "{{ ts }}"},
        cwd="/srv/app",
    )
    script = BashOperator(task_id="script", bash_command="scripts/load.sh")
    skipper = BashOperator(task_id="skipper", bash_command="test -f /ready || exit 99")

    @task.bash
    def computed(name: str) -> str:
        return f"echo {name}"

    plain >> templated >> script >> skipper >> computed("x")
