using System.ComponentModel.DataAnnotations;
using NATS.NKeys;

namespace Autoscaler.Adapters.Nats;

/// <summary>Cross-field rules for <see cref="NatsOptions"/>; messages name the keys, never their values.</summary>
internal static class NatsOptionsValidation
{
    public static IEnumerable<ValidationResult> Validate(NatsOptions options)
    {
        var modes = new List<string>();
        if (!string.IsNullOrEmpty(options.Token))
        {
            modes.Add("Token");
        }

        if (!string.IsNullOrEmpty(options.User) || !string.IsNullOrEmpty(options.Password))
        {
            modes.Add("User/Password");
        }

        if (!string.IsNullOrEmpty(options.NKeySeed) || !string.IsNullOrEmpty(options.NKeySeedFile))
        {
            modes.Add("NKeySeed/NKeySeedFile");
        }

        if (modes.Count > 1)
        {
            yield return new ValidationResult(
                $"Nats: set only one authentication mode, found {string.Join(" and ", modes)}.",
                [nameof(NatsOptions.Token), nameof(NatsOptions.User), nameof(NatsOptions.NKeySeed)]);
        }

        if (string.IsNullOrEmpty(options.User) != string.IsNullOrEmpty(options.Password))
        {
            yield return new ValidationResult(
                "Nats: User and Password go together; one of them is missing.",
                [nameof(NatsOptions.User), nameof(NatsOptions.Password)]);
        }

        if (!string.IsNullOrEmpty(options.NKeySeed) && !string.IsNullOrEmpty(options.NKeySeedFile))
        {
            yield return new ValidationResult(
                "Nats: set NKeySeed or NKeySeedFile, not both.", [nameof(NatsOptions.NKeySeed), nameof(NatsOptions.NKeySeedFile)]);
        }

        if (!options.Enabled && modes.Count > 0)
        {
            yield return new ValidationResult(
                "Nats: credentials are set but Url is empty; set Nats:Url (Nats__Url) or remove the credentials.", [nameof(NatsOptions.Url)]);
        }

        if (options.Enabled && UrlProblem(options.Url!) is { } urlProblem)
        {
            yield return new ValidationResult(urlProblem, [nameof(NatsOptions.Url)]);
        }

        if (options.ReconnectWaitMax < options.ReconnectWaitMin)
        {
            yield return new ValidationResult(
                "Nats: ReconnectWaitMax must not be shorter than ReconnectWaitMin.", [nameof(NatsOptions.ReconnectWaitMax)]);
        }

        if (options.AuthMode == NatsAuthMode.NKey && SeedProblem(options) is { } seedProblem)
        {
            yield return new ValidationResult(seedProblem, [nameof(NatsOptions.NKeySeed)]);
        }
    }

    private static string? UrlProblem(string urls)
    {
        foreach (var url in urls.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("nats" or "tls" or "ws" or "wss"))
            {
                return $"Nats: Url '{Redact(url)}' is not a nats://, tls://, ws:// or wss:// URL.";
            }
        }

        return null;
    }

    private static string? SeedProblem(NatsOptions options)
    {
        try
        {
            using var pair = KeyPair.FromSeed(NatsSeedReader.Read(options));
            return pair.Prefix == PrefixByte.User ? null : $"Nats: the NKey seed is for a {pair.Prefix} key; a user seed (SU…) is required.";
        }
        // NATS.NKeys reports malformed text as NKeysException (checksum, length, role), ArgumentException (a character
        // outside base32) or IndexOutOfRangeException (text too short to hold a prefix): all mean an invalid seed.
        catch (Exception e) when (e is NKeysException or ArgumentException or IndexOutOfRangeException)
        {
            return $"Nats: the NKey seed is invalid ({e.Message}).";
        }
        catch (IOException e)
        {
            return $"Nats: cannot read NKeySeedFile '{options.NKeySeedFile}' ({e.Message}).";
        }
        catch (UnauthorizedAccessException e)
        {
            return $"Nats: cannot read NKeySeedFile '{options.NKeySeedFile}' ({e.Message}).";
        }
    }

    // A URL may carry user:password@; keep the host for the message and drop the rest.
    private static string Redact(string url) => url.Contains('@', StringComparison.Ordinal) ? "…@" + url[(url.LastIndexOf('@') + 1)..] : url;
}
