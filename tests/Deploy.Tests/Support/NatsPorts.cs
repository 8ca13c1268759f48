namespace Autoscaler.Deploy.Tests.Support;

/// <summary>A NATS server's loopback ports in a test: clients, cluster routes, monitoring.</summary>
public sealed record NatsPorts(int Client, int Route, int Http);
