using Autoscaler.Cli.Remote;

namespace Autoscaler.Integration.Tests.Cli;

/// <summary>The pieces of the remote client that need no server: the event-stream reader, durations, problem lines.</summary>
public sealed class RemoteParsingTests
{
    [Fact]
    public async Task The_event_stream_reader_skips_comments_joins_data_lines_and_keeps_ids()
    {
        const string stream = "retry: 5000\n\n: ping\n\nid: 7\nevent: scaling\ndata: {\"a\":\ndata: 1}\n\ndata: plain\n\n";

        var messages = new List<ServerSentEvent>();
        await foreach (var message in ServerSentEventReader.ReadAsync(new StringReader(stream), CancellationToken.None))
        {
            messages.Add(message);
        }

        Assert.Equal([new ServerSentEvent("scaling", "{\"a\":\n1}", "7"), new ServerSentEvent("message", "plain", "7")], messages);
    }

    [Theory]
    [InlineData("30s", 30)]
    [InlineData("15m", 900)]
    [InlineData("1h", 3600)]
    [InlineData("7d", 604800)]
    [InlineData("1.5m", 90)]
    [InlineData("00:02:00", 120)]
    public void Durations_read_the_usual_units(string text, double seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), Durations.Parse(text, "--since"));

    [Theory]
    [InlineData("0s")]
    [InlineData("-5m")]
    [InlineData("5x")]
    [InlineData("")]
    public void Durations_refuse_anything_else_naming_the_option(string text) =>
        Assert.StartsWith("--since:", Assert.Throws<RemoteInputException>(() => Durations.Parse(text, "--since")).Message, StringComparison.Ordinal);

    [Fact]
    public void A_problem_document_becomes_one_line_with_detail_and_field_errors()
    {
        const string body = """{ "title": "Invalid request", "status": 400, "detail": "The request has invalid fields.\nSee errors.", "errors": { "replicas": ["must be between 2 and 10"], "reason": ["is required"] } }""";

        var line = ProblemText.Describe(400, "Bad Request", body);

        Assert.Equal("400 Invalid request: The request has invalid fields. See errors. (replicas: must be between 2 and 10; reason: is required)", line);
    }

    [Fact]
    public void A_non_json_error_body_is_kept_short_on_one_line() =>
        Assert.Equal("502 Bad Gateway: upstream down", ProblemText.Describe(502, "Bad Gateway", "upstream\ndown"));
}
