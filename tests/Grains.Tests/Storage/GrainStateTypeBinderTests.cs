using Autoscaler.Grains.Services.State;
using Autoscaler.Grains.Storage;
using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;

namespace Autoscaler.Grains.Tests.Storage;

/// <summary>
/// Grain state never records a compiler-generated collection type, rows that did (written before the binder) read back
/// as lists, and names of types stored by earlier versions read as their successors.
/// </summary>
public sealed class GrainStateTypeBinderTests
{
    private static readonly JsonSerializerSettings Settings = new()
    {
        TypeNameHandling = TypeNameHandling.All,
        SerializationBinder = new GrainStateTypeBinder(new DefaultSerializationBinder()),
    };

    [Fact]
    public void A_collection_expression_is_written_as_a_list_and_reads_back()
    {
        var history = new HistorySnapshot([new RecommendationSnapshot(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero), 3)], []);

        var json = JsonConvert.SerializeObject(history, Settings);
        var read = JsonConvert.DeserializeObject<HistorySnapshot>(json, Settings)!;

        Assert.DoesNotContain("<>z__", json, StringComparison.Ordinal);
        Assert.Contains("System.Collections.Generic.List`1[[Autoscaler.Grains.Services.State.RecommendationSnapshot, Autoscaler.Grains]]", json, StringComparison.Ordinal);
        Assert.Equal(3, Assert.Single(read.Recommendations!).Replicas);
    }

    [Fact]
    public void A_row_written_with_the_compiler_generated_type_reads_back_as_a_list()
    {
        // As stored by 0.x silos in orleansstorage.payloadbinary for a target reloaded before its first evaluation.
        const string row = """
            {"$type":"Autoscaler.Scaling.ScalingHistory, Autoscaler.Scaling",
             "Recommendations":{"$type":"<>z__ReadOnlySingleElementList`1[[Autoscaler.Scaling.Recommendation, Autoscaler.Scaling]], Autoscaler.Grains",
               "$values":[{"$type":"Autoscaler.Scaling.Recommendation, Autoscaler.Scaling","At":"2026-01-01T12:00:00+00:00","Replicas":4}]},
             "ScaleEvents":{"$type":"Autoscaler.Scaling.ScaleEvent[], Autoscaler.Scaling","$values":[]}}
            """;

        var read = JsonConvert.DeserializeObject<HistorySnapshot>(row, Settings)!;

        Assert.IsType<List<RecommendationSnapshot>>(read.Recommendations);
        Assert.Equal(4, Assert.Single(read.Recommendations!).Replicas);
        Assert.IsType<ScaleEventSnapshot[]>(read.ScaleEvents);
    }

    [Fact]
    public void Other_types_pass_through_unchanged()
    {
        Assert.Equal(typeof(RecommendationSnapshot[]), GrainStateTypeBinder.Stable(typeof(RecommendationSnapshot[])));
        Assert.Equal(typeof(List<int>), GrainStateTypeBinder.Stable(typeof(List<int>)));
        Assert.Equal(typeof(Dictionary<string, string>), new GrainStateTypeBinder(new DefaultSerializationBinder())
            .BindToType("System.Private.CoreLib", "System.Collections.Generic.Dictionary`2[[System.String, System.Private.CoreLib],[System.String, System.Private.CoreLib]]"));
    }
}
