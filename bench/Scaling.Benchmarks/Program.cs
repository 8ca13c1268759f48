using Autoscaler.Scaling.Benchmarks;

return ScalingBenchmarkRunner.Run(args);
