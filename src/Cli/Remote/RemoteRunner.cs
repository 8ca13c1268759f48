using System.CommandLine;
using System.Net.Sockets;
using Autoscaler.Manifests;
using Autoscaler.Scaling.Validation;

namespace Autoscaler.Cli.Remote;

/// <summary>
/// Runs a remote command body with the CLI's error contract: exit 0 on success; otherwise one line on standard error and
/// 2 (invalid input, 400), 3 (401/403), 4 (404) or 1 (unreachable, timeout, any other server error).
/// </summary>
public static class RemoteRunner
{
    /// <summary>Runs <paramref name="body"/> with a client built from the parsed <paramref name="options"/>.</summary>
    public static async Task<int> RunAsync(
        CliContext context,
        ParseResult parsed,
        RemoteOptions options,
        Func<RemoteSession, CancellationToken, Task> body,
        CancellationToken cancellationToken)
    {
        var url = parsed.GetValue(options.Url) ?? RemoteOptions.DefaultUrl;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var baseUrl) || (baseUrl.Scheme != Uri.UriSchemeHttp && baseUrl.Scheme != Uri.UriSchemeHttps))
        {
            return Fail(context, ExitCodes.InvalidInput, $"--url: '{url}' is not an http or https URL");
        }

        try
        {
            using var api = new AutoscalerApiClient(baseUrl, parsed.GetValue(options.Token) ?? LocalAdminKey.For(baseUrl));
            await body(new RemoteSession(api, context, parsed.GetValue(options.Output)), cancellationToken);
            return ExitCodes.Ok;
        }
        catch (RemoteInputException error)
        {
            return Fail(context, ExitCodes.InvalidInput, error.Message);
        }
        catch (ManifestException error)
        {
            // One line per problem, each naming file, line, document and field.
            foreach (var problem in error.Errors)
            {
                Fail(context, ExitCodes.InvalidInput, problem.ToString());
            }

            return ExitCodes.InvalidInput;
        }
        catch (ScalingInputException error)
        {
            return Fail(context, ExitCodes.InvalidInput, string.Join("; ", error.Errors.Select(e => e.ToString())));
        }
        catch (ApiException error)
        {
            return Fail(context, error.ExitCode, error.Message);
        }
        catch (HttpRequestException error)
        {
            var reason = error.InnerException is SocketException socket ? socket.Message : error.Message;
            return Fail(context, ExitCodes.Failure, $"cannot reach {baseUrl}: {reason}");
        }
        catch (TimeoutException error)
        {
            return Fail(context, ExitCodes.Failure, error.Message);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return Fail(context, ExitCodes.Failure, "cancelled");
        }
    }

    private static int Fail(CliContext context, int code, string message)
    {
        context.Error.WriteLine($"autoscaler: {message.ReplaceLineEndings(" ")}");
        return code;
    }
}
