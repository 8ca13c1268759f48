#!/usr/bin/env python3
"""Writes web-optimize.json: two weeks of hourly demand for a 1 vCPU / 2 GiB Fargate service (busy on weekdays
09:00-17:00 UTC), its target-tracking policy and an `optimize` section. Deterministic (seeded)."""
import datetime
import json
import random

random.seed(18)
start = datetime.datetime(2026, 3, 2, tzinfo=datetime.timezone.utc)  # a Monday
trace = []
for hour in range(24 * 14):
    at = start + datetime.timedelta(hours=hour)
    busy = at.weekday() < 5 and 9 <= at.hour < 17
    cpu = (900 if busy else 200) * random.uniform(0.9, 1.1)  # percent of one 1-vCPU instance, summed over the fleet
    memory = 20 + 0.05 * cpu  # percent of one 2-GiB instance, summed over the fleet
    trace.append({"at": at.strftime("%Y-%m-%dT%H:%M:%SZ"), "demand": {"cpu": round(cpu, 1), "memory": round(memory, 1)}})

document = {
    "target": {"current": 4, "min": 3, "max": 30},
    "policies": [{"name": "cpu-60", "type": "targetTracking", "metric": "cpu", "target": {"type": "Utilization", "value": 60}}],
    "evaluationIntervalSeconds": 300,
    "actuationDelaySeconds": 120,
    "demand": {"cpu": {"perInstance": 100}, "memory": {"perInstance": 100}},
    "trace": trace,
    "optimize": {
        "name": "web",
        "size": {"vcpu": 1, "memoryGiB": 2},
        "platform": "fargate",
        "interruptible": False,
    },
}
with open("web-optimize.json", "w", encoding="utf-8") as out:
    json.dump(document, out, separators=(",", ":"))
    out.write("\n")
