using Autoscaler.Scaling.Explanations;
using Autoscaler.Scaling.Model;

namespace Autoscaler.Scaling.Behavior;

/// <summary>The rate-limit part of the "combined:" explanation line.</summary>
internal static class RateNotes
{
    /// <summary>"; scale-up limit 7 not reached", "; max 10 reached -> 10", ... (nothing when capacity stays).</summary>
    public static void Describe(ExplanationWriter line, int stabilized, int current, int min, int max, RateLimit rate)
    {
        var limit = rate.Limit.GetValueOrDefault();
        if (stabilized > current)
        {
            switch (rate.LimitedBy)
            {
                case null:
                    line.Append($"; scale-up limit {limit} not reached");
                    break;
                case LimitReason.TooManyReplicas:
                    line.Append($"; max {max} reached -> {rate.Desired}");
                    break;
                case LimitReason.Disabled:
                    line.Append($"; scale-up is disabled -> {rate.Desired}");
                    break;
                default:
                    line.Append($"; scale-up limit {limit} reached -> {rate.Desired}");
                    break;
            }
        }
        else if (stabilized < current)
        {
            switch (rate.LimitedBy)
            {
                case null:
                    line.Append($"; scale-down limit {limit} not reached");
                    break;
                case LimitReason.TooFewReplicas:
                    line.Append($"; min {min} reached -> {rate.Desired}");
                    break;
                case LimitReason.Disabled:
                    line.Append($"; scale-down is disabled -> {rate.Desired}");
                    break;
                default:
                    line.Append($"; scale-down limit {limit} reached -> {rate.Desired}");
                    break;
            }
        }
    }
}
