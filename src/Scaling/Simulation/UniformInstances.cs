using System.Collections;
using Autoscaler.Scaling.Model;

namespace Autoscaler.Scaling.Simulation;

/// <summary>
/// <see cref="Count"/> ready instances that all carry the same sample (demand spread evenly over running capacity):
/// one sample object stands for every instance, so a large fleet costs nothing per evaluation.
/// </summary>
internal sealed class UniformInstances(int count, InstanceSample sample) : IReadOnlyList<InstanceSample>
{
    public int Count { get; } = count;

    public InstanceSample this[int index] =>
        (uint)index < (uint)Count ? sample : throw new ArgumentOutOfRangeException(nameof(index));

    public IEnumerator<InstanceSample> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return sample;
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
