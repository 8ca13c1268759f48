using System.Text.Json;
using Autoscaler.Scaling.Simulation;

namespace Autoscaler.Scaling.Json;

/// <summary>
/// Writes a simulation's document while it runs: each decision as it is made (so memory stays bounded however long the
/// trace), then <c>capacity</c> and <c>summary</c>. The output equals <see cref="SimulationWriter.Write"/>'s for the same
/// run. With <c>summaryOnly</c> the decisions are left out: <c>{ "capacity", "summary" }</c>.
/// </summary>
public sealed class SimulationStreamWriter : ISimulationObserver
{
    private readonly Utf8JsonWriter _writer;
    private readonly bool _summaryOnly;

    /// <summary>Starts the document on <paramref name="writer"/>.</summary>
    public SimulationStreamWriter(Utf8JsonWriter writer, bool summaryOnly)
    {
        ArgumentNullException.ThrowIfNull(writer);
        _writer = writer;
        _summaryOnly = summaryOnly;
        _writer.WriteStartObject();
        if (!summaryOnly)
        {
            _writer.WriteStartArray("decisions");
        }
    }

    /// <inheritdoc />
    public void OnEvaluation(DateTimeOffset at, in ScalingEvaluation evaluation, int running)
    {
        if (_summaryOnly)
        {
            return;
        }

        DecisionWriter.Write(_writer, evaluation.ToDecision(), at, includeHistory: false);
        if (_writer.BytesPending > 1 << 16)
        {
            _writer.Flush();
        }
    }

    /// <summary>Ends the document with the run's capacity timeline and summary.</summary>
    public void Complete(SimulationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (!_summaryOnly)
        {
            _writer.WriteEndArray();
        }

        SimulationWriter.WriteTail(_writer, result);
        _writer.WriteEndObject();
        _writer.Flush();
    }
}
