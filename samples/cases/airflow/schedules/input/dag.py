"""Schedules of every form, one DAG each: None, preset, cron, timedelta, timetables, datasets."""
import datetime

from airflow.datasets import Dataset
from airflow.models.dag import DAG
from airflow.operators.empty import EmptyOperator
from airflow.timetables.datasets import DatasetOrTimeSchedule
from airflow.timetables.trigger import CronTriggerTimetable
from dateutil.relativedelta import relativedelta

orders = Dataset("s3://lake/orders")
users = Dataset("s3://lake/users")

SCHEDULES = {
    "manual": None,
    "preset": "@hourly",
    "cron": "30 2 * * 1-5",
    "interval": datetime.timedelta(hours=6),
    "monthly": relativedelta(months=1),
    "trigger_timetable": CronTriggerTimetable("0 4 * * *", timezone="America/New_York"),
    "all_datasets": [orders, users],
    "and_datasets": orders & users,
    "any_dataset": orders | users,
    "datasets_or_time": DatasetOrTimeSchedule(timetable=CronTriggerTimetable("0 0 * * *", timezone="UTC"), datasets=orders),
}

for name, schedule in SCHEDULES.items():
    with DAG(f"schedule_{name}", schedule=schedule):
        EmptyOperator(task_id="run")

with DAG("schedule_missing"):
    EmptyOperator(task_id="run")
