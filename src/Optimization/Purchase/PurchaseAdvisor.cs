using System.Globalization;
using Autoscaler.Optimization.Pricing;
using Autoscaler.Optimization.Usage;

namespace Autoscaler.Optimization.Purchase;

/// <summary>
/// Commitment: the largest instance count that ran in at least <see cref="PurchaseOptions.CommitmentShare"/> of the
/// hours is committed; the commitment is paid every hour at the discounted price, and covers min(running, base) each
/// hour. Spot: for an interruptible target, everything above the committed base. Savings are over the usage window,
/// scaled to a 730-hour month.
/// </summary>
public static class PurchaseAdvisor
{
    private static readonly CultureInfo Text = CultureInfo.InvariantCulture;

    /// <summary>The recommendation; null without usage.</summary>
    public static PurchaseRecommendation? Recommend(TargetProfile profile, PurchaseOptions options)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(options);
        var usage = profile.Usage;
        if (usage.Count == 0)
        {
            return null;
        }

        var price = profile.Prices.HourlyPrice(profile.Size);
        var spans = Enumerable.Range(0, usage.Count).Select(i => (usage[i].Instances, Hours: UsageSeries.HoursOf(usage, i))).ToList();
        var hours = spans.Sum(s => s.Hours);
        var committed = Base(spans, hours, options.CommitmentShare);
        var covered = spans.Sum(s => Math.Min(s.Instances, committed) * s.Hours);
        var perMonth = PriceModel.HoursPerMonth / hours;
        var commitmentSavings = ((covered * price) - (committed * hours * price * (1 - profile.Prices.CommitmentDiscount))) * perMonth;
        if (commitmentSavings <= 0)
        {
            // Idle committed hours would eat the discount: commit to nothing.
            (committed, covered, commitmentSavings) = (0, 0, 0);
        }

        var instanceHours = spans.Sum(s => s.Instances * s.Hours);
        var above = instanceHours - covered;
        var spotShare = profile.Interruptible && instanceHours > 0 ? above / instanceHours : 0;
        var spotSavings = profile.Interruptible ? above * price * profile.Prices.SpotDiscount * perMonth : 0;
        var lines = new List<string>
        {
            committed > 0
                ? string.Create(Text, $"{committed} instances ran in at least {options.CommitmentShare:P0} of {hours:0} hours: commit to them at {profile.Prices.CommitmentDiscount:P0} off, saving {commitmentSavings:0.00}/month")
                : string.Create(Text, $"no instance count ran in {options.CommitmentShare:P0} of the hours: no commitment"),
            profile.Interruptible
                ? string.Create(Text, $"interruptible: run the {spotShare:P0} of instance-hours above the base on Spot at {profile.Prices.SpotDiscount:P0} off, saving {spotSavings:0.00}/month")
                : "not flagged interruptible: no Spot",
        };
        return new PurchaseRecommendation(committed, commitmentSavings, spotShare, spotSavings, lines);
    }

    private static int Base(List<(int Instances, double Hours)> spans, double hours, double share)
    {
        // The largest c with hours(running ≥ c) ≥ share × hours.
        var best = 0;
        foreach (var c in spans.Select(s => s.Instances).Distinct().Order())
        {
            if (spans.Where(s => s.Instances >= c).Sum(s => s.Hours) >= (share * hours) - 1e-9)
            {
                best = Math.Max(best, c);
            }
        }

        return best;
    }
}
