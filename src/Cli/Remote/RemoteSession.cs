using System.Text.Json;

namespace Autoscaler.Cli.Remote;

/// <summary>What a remote command's body works with: the API client, the output stream and the chosen format.</summary>
/// <param name="Api">The REST client.</param>
/// <param name="Context">The CLI's streams.</param>
/// <param name="Format">Table or JSON.</param>
public sealed record RemoteSession(AutoscalerApiClient Api, CliContext Context, OutputFormat Format)
{
    /// <summary>Writes <paramref name="document"/> as indented JSON (json format) or calls <paramref name="table"/>.</summary>
    public void Write(JsonElement document, Action<TableWriter> table)
    {
        if (Format == OutputFormat.Json)
        {
            Context.Output.Write(JsonOutput.Render(writer =>
            {
                if (document.ValueKind == JsonValueKind.Undefined)
                {
                    writer.WriteStartObject();
                    writer.WriteEndObject();
                }
                else
                {
                    document.WriteTo(writer);
                }
            }));
            return;
        }

        table(new TableWriter(Context.Output));
    }
}
