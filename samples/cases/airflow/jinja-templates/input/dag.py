"""Jinja in templated arguments: run values, params, trigger keys, pulled XComs, and the rest."""
from airflow.models.dag import DAG
from airflow.operators.bash import BashOperator

with DAG("templates", schedule="@daily", params={"table": "events"}):
    extract = BashOperator(task_id="extract", bash_command="extract {{ ds_nodash }} {{ data_interval_end }}")
    load = BashOperator(
        task_id="load",
        bash_command=(
            "load {{ params.table }} {{ params['mode'] }} --rows {{ ti.xcom_pull(task_ids='extract') }}"
            " --by {{ dag_run.conf.get('user') }} --task {{ task_instance_key_str }}"
        ),
    )
    later = BashOperator(
        task_id="later",
        bash_command=(
            "{% if params.table %}echo {{ macros.ds_add(ds, 7) }} {{ var.value.bucket }} "
            "{{ ds | upper }}{% endif %}"
        ),
    )
    extract >> load >> later
