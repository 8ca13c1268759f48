using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Autoscaler.Silo.Api.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Autoscaler.Integration.Tests.Api;

public sealed class SecurityConfigurationTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("autoscaler-api-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task Bad_key_configuration_stops_start_up_naming_the_key_but_not_the_hash()
    {
        const string badHash = "sha256-not-a-real-hash-value";
        var settings = new Dictionary<string, string?>
        {
            ["Api:Keys:0:Name"] = "ci",
            ["Api:Keys:0:Hash"] = badHash,
            ["Api:Keys:0:Role"] = "superuser",
            ["Api:Keys:1:Name"] = "ci",
            ["Api:Keys:1:Hash"] = ApiKeyHasher.Hash(ApiKeyHasher.NewKey()),
        };

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => ApiTestHost.StartAsync(settings, contentRoot: _root));

        Assert.Contains("Api:Keys:0:Hash", error.Message, StringComparison.Ordinal);
        Assert.Contains("Api:Keys:0:Role", error.Message, StringComparison.Ordinal);
        Assert.Contains("Api:Keys:1:Name 'ci' is used by another key", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(badHash, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_keys_an_owner_only_admin_key_file_is_generated_reused_and_never_logged()
    {
        var file = Path.Combine(_root, "state", "admin.key");
        var settings = new Dictionary<string, string?> { ["Api:GeneratedKeyFile"] = file };

        string key;
        await using (var host = await ApiTestHost.StartAsync(settings, contentRoot: _root))
        {
            key = (await File.ReadAllTextAsync(file)).Trim();
            Assert.StartsWith(ApiKeyHasher.KeyPrefix, key, StringComparison.Ordinal);
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute,
                    File.GetUnixFileMode(Path.GetDirectoryName(file)!));
            }

            using var client = host.Client(key);
            var who = await client.GetFromJsonAsync<JsonElement>("/api/autoscaling/whoami");
            Assert.Equal(ApiKeyStore.GeneratedKeyName, who.GetProperty("name").GetString());
            Assert.Equal("admin", who.GetProperty("role").GetString());
            Assert.Contains(host.Logs.Lines, line => line.Contains("Generated an admin key in " + file, StringComparison.Ordinal));
            Assert.DoesNotContain(key, host.Logs.All, StringComparison.Ordinal);
        }

        await using (var again = await ApiTestHost.StartAsync(settings, contentRoot: _root))
        {
            Assert.Equal(key, (await File.ReadAllTextAsync(file)).Trim());
            using var client = again.Client(key);
            using var response = await client.GetAsync("/api/autoscaling/whoami");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains(again.Logs.Lines, line => line.Contains("Reusing an admin key in " + file, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Configured_keys_mean_no_generated_key()
    {
        var settings = TestKeys.Settings();
        settings["Api:GeneratedKeyFile"] = Path.Combine(_root, "admin.key");

        await using var host = await ApiTestHost.StartAsync(settings, contentRoot: _root);

        Assert.False(File.Exists(Path.Combine(_root, "admin.key")));
        var store = host.Services.GetRequiredService<ApiKeyStore>();
        Assert.Null(store.GeneratedKeyFile);
        Assert.Equal(5, store.Count);
    }

    [Fact]
    public async Task With_generation_off_and_no_credentials_every_call_is_refused()
    {
        var settings = new Dictionary<string, string?> { ["Api:GenerateAdminKey"] = "false" };

        await using var host = await ApiTestHost.StartAsync(settings, contentRoot: _root);
        using var client = host.Client(ApiKeyHasher.NewKey());
        using var response = await client.GetAsync("/api/probe/read");

        await Problem.AssertAsync(response, 401);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_root));
    }

    [Fact]
    public async Task Guessing_keys_from_one_address_is_rate_limited_while_valid_keys_have_their_own_window()
    {
        var settings = TestKeys.Settings();
        settings["Api:RateLimit:AnonymousPermitLimit"] = "3";

        await using var host = await ApiTestHost.StartAsync(settings, contentRoot: _root);
        using var guesser = host.Client();
        for (var attempt = 0; attempt < 3; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/probe/read");
            request.Headers.Authorization = new("Bearer", ApiKeyHasher.NewKey());
            using var wrong = await guesser.SendAsync(request);
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        using var limited = new HttpRequestMessage(HttpMethod.Get, "/api/probe/read");
        limited.Headers.Authorization = new("Bearer", ApiKeyHasher.NewKey());
        using var refused = await guesser.SendAsync(limited);
        await Problem.AssertAsync(refused, 429);
        Assert.NotNull(refused.Headers.RetryAfter?.Delta);

        using var holder = host.Client(TestKeys.Viewer);
        using var allowed = await holder.GetAsync("/api/probe/read");
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
    }
}
