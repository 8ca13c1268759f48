using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Autoscaler.Cli.Remote;
using Autoscaler.Scaling.Json;

namespace Autoscaler.Cli.Commands;

/// <summary><c>autoscaler policies list TARGET | apply TARGET -f FILE | validate -f FILE</c>. A file holds one policy
/// (<c>{ "name", "type", ... }</c>) or a policy document (<c>{ "policies": [...] }</c>); apply validates it offline first.</summary>
public sealed class PoliciesCommand : ICliCommand
{
    private static readonly string[] Columns = ["name", "type", "metric", "target", "scaleOutCooldown", "scaleInCooldown"];

    /// <inheritdoc />
    public Command Build(CliContext context)
    {
        var command = new Command("policies", "List, apply and validate a target's scaling policies.");
        var remote = RemoteOptions.AddTo(command);

        var listTarget = new Argument<string>("target") { Description = "Target id" };
        var list = new Command("list", "List a target's policies in evaluation order.") { listTarget };
        list.SetAction((parsed, ct) => RemoteRunner.RunAsync(context, parsed, remote, async (session, token) =>
        {
            var policies = await session.Api.ListPoliciesAsync(parsed.GetValue(listTarget)!, token);
            session.Write(policies, table => table.Rows(TableWriter.Read(policies, "policies"), Columns, empty: "no policies"));
        }, ct));

        var applyTarget = new Argument<string>("target") { Description = "Target id" };
        var applyFile = RemoteFiles.CreateOption("Policy JSON, or a document with \"policies\"");
        var apply = new Command("apply", "Add or replace policies of a target (PUT /targets/{id}/policies/{name}).") { applyTarget, applyFile };
        apply.SetAction((parsed, ct) => RemoteRunner.RunAsync(context, parsed, remote, async (session, token) =>
        {
            var target = parsed.GetValue(applyTarget)!;
            var policies = ReadValidated(RemoteFiles.ReadBytes(parsed.GetValue(applyFile)!, context), context);
            var results = new JsonArray();
            foreach (var policy in policies)
            {
                var name = policy["name"]!.GetValue<string>();
                var result = await session.Api.PutPolicyAsync(target, name, policy.DeepClone(), token);
                results.Add(result.ValueKind == JsonValueKind.Undefined ? new JsonObject { ["name"] = name } : JsonNode.Parse(result.GetRawText()));
            }

            session.Write(JsonSerializer.SerializeToElement(new JsonObject { ["target"] = target, ["applied"] = results }), table =>
            {
                foreach (var policy in policies)
                {
                    table.Line($"policy {policy["name"]} applied to {target}");
                }
            });
        }, ct));

        var validateFile = RemoteFiles.CreateOption("Policy JSON, or a document with \"policies\"");
        var validate = new Command("validate", "Check policies offline with the scaling engine; prints OK or the errors.") { validateFile };
        validate.SetAction(parsed => CommandRunner.Run(context, () =>
        {
            try
            {
                _ = ReadValidated(RemoteFiles.ReadBytes(parsed.GetValue(validateFile)!, context), context);
            }
            catch (RemoteInputException error)
            {
                throw new Scaling.Validation.ScalingInputException("--file", error.Message);
            }

            return "OK" + Environment.NewLine;
        }));

        command.Subcommands.Add(list);
        command.Subcommands.Add(apply);
        command.Subcommands.Add(validate);
        return command;
    }

    /// <summary>The policies of a file after the engine accepted them (the same check as <c>autoscaler validate</c>).</summary>
    private static IReadOnlyList<JsonObject> ReadValidated(byte[] bytes, CliContext context)
    {
        var root = RemoteFiles.ReadObject(bytes);
        var document = root.ContainsKey("policies") ? root : new JsonObject { ["policies"] = new JsonArray(root.DeepClone()) };
        _ = ScalingDocuments.ReadPolicyFile(JsonSerializer.SerializeToUtf8Bytes(document), context.Policies);
        var policies = document["policies"]!.AsArray().OfType<JsonObject>().ToList();
        return policies.Count > 0 ? policies : throw new RemoteInputException("--file", "no policies in the file");
    }
}
