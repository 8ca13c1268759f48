using Autoscaler.Grains.Interfaces;
using Autoscaler.Scaling.Supervision.Budget;

namespace Autoscaler.Grains.Supervision.Budget;

/// <summary><see cref="ITargetLimits"/> over the service grains: the max changes through the definition update path, so
/// it is validated, persisted and reported like an operator's edit.</summary>
internal sealed class GrainTargetLimits(IGrainFactory grains) : ITargetLimits
{
    public async Task<BudgetTargetLimit?> ReadAsync(string target) =>
        (await grains.GetGrain<IServiceGrain>(target).GetStatusAsync()).Definition is { } definition
            ? new BudgetTargetLimit(target, definition.Min, definition.Max)
            : null;

    public async Task<bool> SetMaxAsync(string target, int max)
    {
        var grain = grains.GetGrain<IServiceGrain>(target);
        if ((await grain.GetStatusAsync()).Definition is not { } definition)
        {
            return false;
        }

        var bounded = Math.Max(max, definition.Min);
        if (bounded != definition.Max)
        {
            await grain.ConfigureAsync(definition with { Max = bounded });
        }

        return true;
    }
}
