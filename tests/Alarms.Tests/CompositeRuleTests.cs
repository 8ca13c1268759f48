using Autoscaler.Alarms.Composite;
using Autoscaler.Alarms.Model;
using Autoscaler.Scaling.Validation;

namespace Autoscaler.Alarms.Tests;

/// <summary>The composite rule language of CloudWatch's "Creating a composite alarm": functions, literals, operators,
/// parentheses and quoted names; errors name the column.</summary>
public sealed class CompositeRuleTests
{
    private static readonly Dictionary<string, AlarmState> States = new()
    {
        ["A"] = AlarmState.Alarm,
        ["B"] = AlarmState.Ok,
        ["C"] = AlarmState.InsufficientData,
        ["my alarm (prod)"] = AlarmState.Alarm,
    };

    [Theory]
    [InlineData("ALARM(A)", true)]
    [InlineData("ALARM(B)", false)]
    [InlineData("OK(B)", true)]
    [InlineData("INSUFFICIENT_DATA(C)", true)]
    [InlineData("ALARM(C)", false)]
    [InlineData("TRUE", true)]
    [InlineData("FALSE", false)]
    [InlineData("NOT ALARM(B)", true)]
    [InlineData("ALARM(A) OR ALARM(B) AND ALARM(C)", true)]
    [InlineData("(ALARM(A) OR ALARM(B)) AND ALARM(C)", false)]
    [InlineData("NOT ALARM(A) OR OK(B)", true)]
    [InlineData("NOT (ALARM(A) OR OK(B))", false)]
    [InlineData("NOT NOT ALARM(A)", true)]
    [InlineData("ALARM(\"my alarm (prod)\") AND OK(\"B\")", true)]
    [InlineData("ALARM(A) AND ALARM(B) AND TRUE", false)]
    [InlineData("  ALARM( A )\tOR\nFALSE ", true)]
    public void Rules_evaluate_with_not_before_and_before_or(string rule, bool expected)
    {
        var parsed = RuleParser.Parse(rule);

        Assert.Equal(expected ? AlarmState.Alarm : AlarmState.Ok, parsed.Evaluate(name => States[name]));
    }

    [Fact]
    public void The_contract_example_names_its_alarms_once_in_order()
    {
        var rule = RuleParser.Parse("(ALARM(\"HighCPUUtilization\") OR ALARM(QueueDepthIncreasing)) AND NOT ALARM(Maintenance) AND OK(QueueDepthIncreasing)");

        Assert.Equal(["HighCPUUtilization", "QueueDepthIncreasing", "Maintenance"], rule.Alarms.Select(a => a.Name));
        Assert.Equal(8, rule.Alarms[0].Column);
    }

    [Fact]
    public void Quoted_names_take_escapes()
    {
        var rule = RuleParser.Parse("ALARM(\"say \\\"hi\\\" \\\\ bye\")");

        Assert.Equal("say \"hi\" \\ bye", rule.Alarms[0].Name);
    }

    [Fact]
    public void The_reason_names_the_alarms_that_decided()
    {
        var rule = RuleParser.Parse("(ALARM(A) OR ALARM(B)) AND NOT ALARM(C)");

        Assert.Equal("Composite rule is true (ALARM): A is ALARM and C is INSUFFICIENT_DATA.", rule.Explain(n => States[n]));
        Assert.Equal("Composite rule is false (OK): B is OK.", RuleParser.Parse("ALARM(A) AND ALARM(B)").Explain(n => States[n]));
    }

    [Theory]
    [InlineData("", "rule: must not be empty")]
    [InlineData("ALARM(A) AND", "rule: column 13: the rule ends where ALARM(name), OK(name), INSUFFICIENT_DATA(name), TRUE, FALSE, NOT or '(' is expected")]
    [InlineData("ALARM(A) and OK(B)", "rule: column 10: 'and' must be written in upper case (AND)")]
    [InlineData("alarm(A)", "rule: column 1: 'alarm' must be written in upper case (ALARM)")]
    [InlineData("ALARM A", "rule: column 7: expected '(' after ALARM, found 'A'")]
    [InlineData("ALARM()", "rule: column 7: expected an alarm name after ALARM(, found ')'")]
    [InlineData("ALARM(\"\")", "rule: column 7: an alarm name must not be empty")]
    [InlineData("ALARM(my alarm)", "rule: column 10: expected ')' after the alarm name 'my', found 'alarm' (quote names that contain spaces)")]
    [InlineData("(ALARM(A) OR OK(B)", "rule: column 19: expected ')' to close '(' at column 1, found the end of the rule")]
    [InlineData("ALARM(A))", "rule: column 9: ')' has no matching '('")]
    [InlineData("ALARM(\"A)", "rule: column 7: unterminated quoted name (missing closing \")")]
    [InlineData("ALARM(A) ALARM(B)", "rule: column 10: expected AND, OR or the end of the rule, found 'ALARM'")]
    [InlineData("MAYBE(A)", "rule: column 1: expected ALARM(name), OK(name), INSUFFICIENT_DATA(name), TRUE, FALSE, NOT or '(', found 'MAYBE'")]
    [InlineData("ALARM(\"a\\b\")", "rule: column 9: a backslash in a quoted name must be followed by \" or \\")]
    public void Errors_name_the_column_and_what_was_expected(string rule, string message)
    {
        var error = Assert.Throws<ScalingInputException>(() => RuleParser.Parse(rule));

        Assert.Equal(message, Assert.Single(error.Errors).ToString());
    }

    [Fact]
    public void Nesting_is_bounded()
    {
        var deep = string.Concat(Enumerable.Repeat("(", 150)) + "TRUE" + string.Concat(Enumerable.Repeat(")", 150));

        var error = Assert.Throws<ScalingInputException>(() => RuleParser.Parse(deep));

        Assert.Contains("deeper than 100 levels", error.Message, StringComparison.Ordinal);
    }
}
