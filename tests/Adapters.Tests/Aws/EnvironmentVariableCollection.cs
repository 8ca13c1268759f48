namespace Autoscaler.Adapters.Tests.Aws;

/// <summary>Tests that change process environment variables run alone.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class EnvironmentVariableCollection
{
    public const string Name = "Process environment";
}
