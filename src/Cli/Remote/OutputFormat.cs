namespace Autoscaler.Cli.Remote;

/// <summary>How remote commands print results.</summary>
public enum OutputFormat
{
    /// <summary>Readable tables (Spectre.Console).</summary>
    Table,

    /// <summary>The server's JSON document, indented (events: one JSON object per line).</summary>
    Json,
}
