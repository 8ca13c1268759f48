using Autoscaler.Optimization.Sizing;
using Microsoft.Extensions.Options;

namespace Autoscaler.Silo.Optimization;

/// <summary>Refuses at start-up a configured size the target's platform does not offer, or half a size.</summary>
internal sealed class CostOptimizationValidation : IValidateOptions<CostOptimizationOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, CostOptimizationOptions options)
    {
        var failures = new List<string>();
        foreach (var (id, target) in options.Targets)
        {
            if ((target.Vcpu is null) != (target.MemoryGiB is null))
            {
                failures.Add($"Optimization:Targets:{id}: set both Vcpu and MemoryGiB, or neither");
            }
            else if (target.Size is { } size && SizeCatalog.Problem(target.Platform ?? options.Platform, size) is { } problem)
            {
                failures.Add($"Optimization:Targets:{id}: {problem}");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
