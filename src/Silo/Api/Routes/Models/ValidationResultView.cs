namespace Autoscaler.Silo.Api.Routes.Models;

/// <summary>A policy file that passed validation: its policies' names and types in order.</summary>
public sealed record ValidationResultView(bool Valid, IReadOnlyList<string> Policies, IReadOnlyList<string> KnownTypes);
