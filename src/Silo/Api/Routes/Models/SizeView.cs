namespace Autoscaler.Silo.Api.Routes.Models;

/// <summary>A target's size: <c>vcpu</c> and <c>memoryGiB</c> per replica (null when unknown), where it comes from
/// (<c>applied</c>, <c>configured</c>, <c>unknown</c>) and the last applied change's time and author.</summary>
public sealed record SizeView(string Target, double? Vcpu, double? MemoryGiB, string Source, DateTimeOffset? ChangedAt, string? ChangedBy);
