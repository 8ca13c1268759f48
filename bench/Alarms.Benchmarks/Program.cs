using Autoscaler.Alarms.Benchmarks;

return AlarmBenchmarkRunner.Run(args);
