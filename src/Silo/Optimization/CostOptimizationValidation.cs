using Autoscaler.Optimization.Sizing;
using Microsoft.Extensions.Options;

namespace Autoscaler.Silo.Optimization;

/// <summary>Refuses at start-up a configured size the target's platform does not offer, half a size, or a Spot share
/// outside 0–1.</summary>
internal sealed class CostOptimizationValidation : IValidateOptions<CostOptimizationOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, CostOptimizationOptions options)
    {
        var failures = new List<string>();
        foreach (var (id, target) in options.Targets)
        {
            if (target.SpotShare is < 0 or > 1 || double.IsNaN(target.SpotShare))
            {
                failures.Add($"Optimization:Targets:{id}:SpotShare: must be a share between 0 and 1, not {target.SpotShare.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
            }

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
