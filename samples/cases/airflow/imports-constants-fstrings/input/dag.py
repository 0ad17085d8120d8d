"""Names resolve through imports and aliases; constants, dicts and f-strings are computed."""
from datetime import timedelta

from airflow import models
from airflow.operators import bash as bash_ops
from airflow.providers.amazon.aws.operators.s3 import S3CreateBucketOperator as CreateBucket

ENV = "prod"
TABLES = {"users": 2, "orders": 3}
DEFAULT_ARGS = {"owner": "data", "retries": 1, "retry_delay": timedelta(minutes=2)}
DAG_ID = f"load_{ENV}"

with models.DAG(DAG_ID, default_args=DEFAULT_ARGS, schedule="@daily") as dag:
    bucket = CreateBucket(task_id="bucket", bucket_name=f"{ENV}-lake", region_name="eu-west-1")
    for name, parts in TABLES.items():
        load = bash_ops.BashOperator(
            task_id=f"load_{name}",
            bash_command="load --table {} --parts {:02d}".format(name, parts),
        )
        bucket >> load
