#!/usr/bin/env python3
"""Writes the worked example's inputs: worked-example.json (a simulate input comparing three policy sets) and
tune-example.json (a tune input) around one demand trace (README, "Capacity planning"): 14 days at 5-minute resolution of a web
service's CPU demand in percent of one instance (one instance serves 100), with a daily cycle, quieter weekends,
deterministic noise and a one-hour spike on day 10. Standard library only; the output is committed, this script only
documents (and can redo) how it was made."""
import json
import math
import random
from datetime import datetime, timedelta, timezone

random.seed(15)
start = datetime(2026, 3, 2, tzinfo=timezone.utc)  # a Monday
trace = []
for i in range(14 * 288):
    at = start + timedelta(minutes=5 * i)
    hour = at.hour + at.minute / 60
    daily = 900 + 700 * math.sin(2 * math.pi * (hour - 8) / 24)
    weekly = 0.65 if at.weekday() >= 5 else 1.0
    noise = random.gauss(1.0, 0.06)
    spike = 900 if at.day == 11 and 14 <= at.hour < 15 else 0
    demand = max(0.0, daily * weekly * noise + spike)
    trace.append({"at": at.strftime("%Y-%m-%dT%H:%M:%SZ"), "demand": {"cpu": round(demand, 1)}})

tracking = {"name": "cpu-70", "type": "targetTracking", "metric": "cpu", "target": {"type": "Utilization", "value": 70}}
predictive = {"name": "forecast", "type": "predictive", "metric": "cpu", "targetValue": 70, "mode": "ForecastAndScale",
              "schedulingBufferSeconds": 300}
balanced = {"name": "web-app-balanced", "type": "threshold", "scaleUpBy": 1, "scaleDownBy": 1, "cooldownSeconds": 300,
            "evaluationIntervalSeconds": 60, "thresholds": [{"metric": "cpu", "aggregation": "avg", "window": 300,
                                                              "scaleUp": 70, "scaleDown": 30, "comparison": "greater_than"}]}
base = {
    "target": {"current": 6, "min": 2, "max": 40},
    "evaluationIntervalSeconds": 60,
    "actuationDelaySeconds": 120,
    "unitCostPerHour": 0.0405,
    "demand": {"cpu": {"perInstance": 100}},
    "score": {"from": "2026-03-04T00:00:00Z"},
}
example = dict(base, variants=[
    {"name": "target-tracking", "policies": [tracking]},
    {"name": "tracking+predictive", "policies": [tracking, predictive]},
    {"name": "web-app-balanced", "policies": [balanced], "behavior": {"scaleDown": {"stabilizationWindowSeconds": 300}}},
], trace=trace)
tune = dict(base, policies=[tracking], search={
    "policies": [{"name": "cpu", "type": "targetTracking", "metric": "cpu", "target": {"type": "Utilization"},
                  "ranges": {"target.value": [50, 55, 60, 65, 70, 75, 80, 85, 90]}}],
    "behavior": {"ranges": {"scaleDown.stabilizationWindowSeconds": [0, 120, 300, 600, 900]}},
    "maxUnderProvisionedPercent": 1.0,
}, trace=trace)
for name, document in (("worked-example.json", example), ("tune-example.json", tune)):
    with open(name, "w", encoding="utf-8") as out:
        json.dump(document, out, separators=(",", ":"))
        out.write("\n")
