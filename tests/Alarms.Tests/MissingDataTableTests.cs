using Autoscaler.Alarms.Model;

namespace Autoscaler.Alarms.Tests;

/// <summary>
/// The two tables of the CloudWatch User Guide, "Configuring how CloudWatch alarms treat missing data", section "How alarm
/// state is evaluated when data is missing", row for row: CloudWatch retrieves the 5 most recent datapoints; 0 is within
/// the threshold, X breaching, - missing; columns MISSING, IGNORE, BREACHING, NOT BREACHING. "Retain" (IGNORE's
/// "Retain current state") is checked from each of the three starting states.
/// </summary>
public sealed class MissingDataTableTests
{
    private const string Retain = "Retain";

    public static TheoryData<string, int, string, string, string, string> ThreeOfThree => new()
    {
        // Table 1: Datapoints to Alarm 3, Evaluation Periods 3.
        { "0 - X - X", 2, "OK", "OK", "OK", "OK" },
        { "0 - - - -", 4, "OK", "OK", "OK", "OK" },
        { "- - - - -", 5, "INSUFFICIENT_DATA", Retain, "ALARM", "OK" },
        { "0 X X - X", 1, "ALARM", "ALARM", "ALARM", "ALARM" },
        { "- - - - X", 4, "INSUFFICIENT_DATA", Retain, "ALARM", "OK" },
        { "X - - - -", 4, "ALARM", Retain, "ALARM", "OK" },
    };

    public static TheoryData<string, int, string, string, string, string> TwoOfThree => new()
    {
        // Table 2: Period 5 minutes, Datapoints to Alarm 2, Evaluation Periods 3 (M out of N).
        { "0 - X - X", 2, "ALARM", "ALARM", "ALARM", "ALARM" },
        { "0 0 X 0 X", 0, "ALARM", "ALARM", "ALARM", "ALARM" },
        { "0 - X - -", 3, "OK", "OK", "ALARM", "OK" },
        { "- - - - 0", 4, "OK", "OK", "ALARM", "OK" },
        { "- - - - X", 4, "INSUFFICIENT_DATA", Retain, "ALARM", "OK" },
    };

    [Theory]
    [MemberData(nameof(ThreeOfThree))]
    public void Table_1_three_out_of_three(string datapoints, int missing, string asMissing, string asIgnore, string asBreaching, string asNotBreaching) =>
        CheckRow(3, 3, datapoints, missing, asMissing, asIgnore, asBreaching, asNotBreaching);

    [Theory]
    [MemberData(nameof(TwoOfThree))]
    public void Table_2_two_out_of_three(string datapoints, int missing, string asMissing, string asIgnore, string asBreaching, string asNotBreaching) =>
        CheckRow(3, 2, datapoints, missing, asMissing, asIgnore, asBreaching, asNotBreaching);

    private static void CheckRow(int n, int m, string datapoints, int missing, params string[] expected)
    {
        var values = Points.Parse(datapoints);
        Assert.Equal(5, values.Length);
        Assert.Equal(missing, values.Count(double.IsNaN));
        var treatments = new[] { MissingDataTreatment.Missing, MissingDataTreatment.Ignore, MissingDataTreatment.Breaching, MissingDataTreatment.NotBreaching };
        for (var column = 0; column < treatments.Length; column++)
        {
            foreach (var start in new[] { AlarmState.Ok, AlarmState.Alarm, AlarmState.InsufficientData })
            {
                var outcome = Points.Evaluate(Points.Rule(n, m, treatments[column]), start, values);
                var want = expected[column] == Retain ? AlarmStates.Name(start) : expected[column];
                Assert.True(
                    want == AlarmStates.Name(outcome.State),
                    $"{datapoints} ({m} of {n}) treated as {treatments[column]} from {AlarmStates.Name(start)}: expected {want}, got {AlarmStates.Name(outcome.State)}");
            }
        }
    }
}
