using Autoscaler.Adapters.Nats;
using Autoscaler.Adapters.Nats.Connection;
using Autoscaler.Testing;
using NATS.NKeys;
using Xunit.Abstractions;

namespace Autoscaler.Adapters.Tests.Nats;

public sealed class NatsAuthenticationTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Token_connects_and_round_trips()
    {
        await using var server = await NatsServerProcess.StartAsync("authorization { token: \"t0ken-ok\" }");
        await using var host = await NatsTestHosts.StartAsync(new NatsOptions { Url = server.Url, Token = "t0ken-ok" });

        Assert.Equal("via-token", await NatsTestHosts.RoundTripAsync(host.Connection!, "via-token"));
    }

    [Fact]
    public async Task Wrong_token_is_rejected_as_an_authentication_failure()
    {
        await using var server = await NatsServerProcess.StartAsync("authorization { token: \"t0ken-ok\" }");

        await AssertRejectedAsync(new NatsOptions { Url = server.Url, Token = "t0ken-wrong" }, NatsAuthMode.Token, "t0ken-wrong");
    }

    [Fact]
    public async Task User_and_password_connect_and_round_trip()
    {
        await using var server = await NatsServerProcess.StartAsync(
            "authorization { users = [ { user: \"scaler\", password: \"pw-ok\" } ] }");
        await using var host = await NatsTestHosts.StartAsync(new NatsOptions { Url = server.Url, User = "scaler", Password = "pw-ok" });

        Assert.Equal("via-password", await NatsTestHosts.RoundTripAsync(host.Connection!, "via-password"));
    }

    [Fact]
    public async Task Wrong_password_is_rejected_as_an_authentication_failure()
    {
        await using var server = await NatsServerProcess.StartAsync(
            "authorization { users = [ { user: \"scaler\", password: \"pw-ok\" } ] }");

        await AssertRejectedAsync(
            new NatsOptions { Url = server.Url, User = "scaler", Password = "pw-wrong" }, NatsAuthMode.UserPassword, "pw-wrong");
    }

    [Fact]
    public async Task NKey_user_connects_and_round_trips()
    {
        using var user = KeyPair.CreatePair(PrefixByte.User);
        await using var server = await NatsServerProcess.StartAsync(
            $"authorization {{ users = [ {{ nkey: \"{user.GetPublicKey()}\" }} ] }}");
        await using var host = await NatsTestHosts.StartAsync(new NatsOptions { Url = server.Url, NKeySeed = user.GetSeed() });

        Assert.Equal("via-nkey", await NatsTestHosts.RoundTripAsync(host.Connection!, "via-nkey"));
    }

    [Fact]
    public async Task NKey_seed_file_connects()
    {
        using var user = KeyPair.CreatePair(PrefixByte.User);
        await using var server = await NatsServerProcess.StartAsync(
            $"authorization {{ users = [ {{ nkey: \"{user.GetPublicKey()}\" }} ] }}");
        var file = Path.GetTempFileName();
        await File.WriteAllTextAsync(file, user.GetSeed() + "\n");
        try
        {
            await using var host = await NatsTestHosts.StartAsync(new NatsOptions { Url = server.Url, NKeySeedFile = file });

            Assert.Equal("via-seed-file", await NatsTestHosts.RoundTripAsync(host.Connection!, "via-seed-file"));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Unlisted_nkey_is_rejected_as_an_authentication_failure()
    {
        using var allowed = KeyPair.CreatePair(PrefixByte.User);
        using var stranger = KeyPair.CreatePair(PrefixByte.User);
        await using var server = await NatsServerProcess.StartAsync(
            $"authorization {{ users = [ {{ nkey: \"{allowed.GetPublicKey()}\" }} ] }}");

        await AssertRejectedAsync(new NatsOptions { Url = server.Url, NKeySeed = stranger.GetSeed() }, NatsAuthMode.NKey, stranger.GetSeed());
    }

    [Fact]
    public async Task No_credentials_against_an_authenticated_server_is_rejected()
    {
        await using var server = await NatsServerProcess.StartAsync("authorization { token: \"t0ken-ok\" }");

        await AssertRejectedAsync(new NatsOptions { Url = server.Url }, NatsAuthMode.None, "t0ken-ok");
    }

    private async Task AssertRejectedAsync(NatsOptions options, NatsAuthMode mode, string secret)
    {
        await using var host = NatsTestHosts.Create(options);

        var error = await Assert.ThrowsAsync<NatsStartupException>(
            () => host.StartAsync(CancellationToken.None).WaitAsync(NatsTestHosts.Patience));

        output.WriteLine(error.Message);
        Assert.True(error.IsAuthenticationFailure, error.ToString());
        Assert.Equal(mode, error.AuthMode);
        Assert.Contains("rejected the credentials", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, error.Message, StringComparison.Ordinal);
    }
}
