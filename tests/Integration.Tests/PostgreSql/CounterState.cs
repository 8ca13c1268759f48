namespace Autoscaler.Integration.Tests.PostgreSql;

[GenerateSerializer, Alias("autoscaler.tests.CounterState")]
public sealed class CounterState
{
    [Id(0)]
    public int Count { get; set; }
}
