using Autoscaler.Scaling;

namespace Autoscaler.Grains.Services;

/// <summary>
/// One <see cref="ScalingEvaluator"/> per thread. Its buffers are scratch space for the evaluation running on that
/// thread, so grains share them instead of each target holding its own: a grain reads an evaluation (or renders the
/// decision it keeps) before its turn first awaits, and no other evaluation can run on the thread in between.
/// </summary>
internal static class ScratchEvaluator
{
    [ThreadStatic]
    private static ScalingEvaluator? _current;

    /// <summary>This thread's evaluator.</summary>
    public static ScalingEvaluator Current => _current ??= new ScalingEvaluator();
}
