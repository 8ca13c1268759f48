using Autoscaler.Scaling.Json;
using Autoscaler.Scaling.Simulation;
using Autoscaler.Scaling.Validation;

namespace Autoscaler.Cli.Planning;

/// <summary>
/// Reads one or more <c>--input</c> documents into named variants. One file keeps its own variant names; several files
/// are named after the files (and their variants, when a file has more than one) and must share one trace.
/// </summary>
internal static class SimulationInputs
{
    public static IReadOnlyList<SimulationVariant> Read(IReadOnlyList<string> paths, CliContext context)
    {
        var variants = new List<SimulationVariant>();
        foreach (var path in paths)
        {
            var read = ScalingDocuments.ReadSimulations(InputSource.Read(path, context), context.Policies);
            var file = path == "-" ? "stdin" : Path.GetFileNameWithoutExtension(path);
            foreach (var variant in read)
            {
                var name = paths.Count == 1 ? variant.Name : read.Count == 1 ? file : $"{file}/{variant.Name}";
                variants.Add(variant with { Name = name });
            }
        }

        var first = variants[0].Request.Trace;
        foreach (var variant in variants)
        {
            var trace = variant.Request.Trace;
            if (trace.Count != first.Count || trace[0].At != first[0].At || trace[^1].At != first[^1].At)
            {
                throw new ScalingInputException("--input", $"{variant.Name}: every input must carry the same trace (compare policy sets on one trace)");
            }
        }

        return variants;
    }
}
