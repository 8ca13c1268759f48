namespace Autoscaler.Scaling.Behavior;

/// <summary>The rate-limit part of the "combined:" explanation line.</summary>
internal static class RateNotes
{
    /// <summary>"; scale-up limit 7 not reached", "; max 10 reached -> 10", ...</summary>
    public static string Describe(int stabilized, int current, int min, int max, RateLimit rate)
    {
        if (stabilized > current)
        {
            return rate.LimitedBy switch
            {
                null => $"; scale-up limit {rate.Limit} not reached",
                LimitReason.TooManyReplicas => $"; max {max} reached -> {rate.Desired}",
                LimitReason.Disabled => $"; scale-up is disabled -> {rate.Desired}",
                _ => $"; scale-up limit {rate.Limit} reached -> {rate.Desired}",
            };
        }

        if (stabilized < current)
        {
            return rate.LimitedBy switch
            {
                null => $"; scale-down limit {rate.Limit} not reached",
                LimitReason.TooFewReplicas => $"; min {min} reached -> {rate.Desired}",
                LimitReason.Disabled => $"; scale-down is disabled -> {rate.Desired}",
                _ => $"; scale-down limit {rate.Limit} reached -> {rate.Desired}",
            };
        }

        return string.Empty;
    }
}
