using System.ComponentModel.DataAnnotations;
using Autoscaler.Adapters.Nats;
using NATS.NKeys;

namespace Autoscaler.Adapters.Tests.Nats;

public sealed class NatsOptionsTests
{
    private const string UserSeed = "SUACSSL3UAHUDXKFSNVUZRF5UHPMWZ6BFDTJ7M6USDXIEDNPPQYYYCU3VY";

    public static TheoryData<NatsOptions, string> BadCombinations() => new()
    {
        { new NatsOptions { Url = "nats://127.0.0.1:4222", Token = "t", User = "u", Password = "p" }, "only one authentication mode" },
        { new NatsOptions { Url = "nats://127.0.0.1:4222", User = "u" }, "User and Password go together" },
        { new NatsOptions { Url = "nats://127.0.0.1:4222", Password = "p" }, "User and Password go together" },
        { new NatsOptions { Url = "nats://127.0.0.1:4222", NKeySeed = UserSeed, NKeySeedFile = "/x" }, "not both" },
        { new NatsOptions { Token = "t" }, "Url is empty" },
        { new NatsOptions { Url = "http://127.0.0.1:4222" }, "is not a nats://" },
        { new NatsOptions { Url = "nats://127.0.0.1:4222", NKeySeed = "SUnotaseed" }, "NKey seed is invalid" },
        { new NatsOptions { Url = "nats://127.0.0.1:4222", NKeySeed = "SOAELH6NJCEK4HST5644G4HK7TOAFZGRRJHNM4EUKUY7PPNDLIKO5IH4JM" }, "user seed" },
        { new NatsOptions { Url = "nats://127.0.0.1:4222", NKeySeedFile = "/nonexistent/seed" }, "cannot read NKeySeedFile" },
        { new NatsOptions { Url = "nats://127.0.0.1:4222", ReconnectWaitMin = TimeSpan.FromSeconds(9), ReconnectWaitMax = TimeSpan.FromSeconds(1) }, "ReconnectWaitMax" },
        { new NatsOptions { Url = "nats://127.0.0.1:4222", ConnectTimeout = TimeSpan.Zero }, "ConnectTimeout" },
        { new NatsOptions { Url = "nats://127.0.0.1:4222", CommandTimeout = TimeSpan.Zero }, "CommandTimeout" },
    };

    [Theory]
    [MemberData(nameof(BadCombinations))]
    public void Bad_combination_fails_with_a_message_naming_the_keys(NatsOptions options, string expected)
    {
        var errors = Validate(options);

        Assert.Contains(errors, e => e.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Messages_never_echo_secrets()
    {
        var options = new NatsOptions { Url = "nats://127.0.0.1:4222", Token = "tok-secret", User = "u", Password = "pw-secret" };

        var errors = string.Join("\n", Validate(options));

        Assert.NotEmpty(errors);
        Assert.DoesNotContain("tok-secret", errors, StringComparison.Ordinal);
        Assert.DoesNotContain("pw-secret", errors, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, NatsAuthMode.None)]
    [InlineData("token", NatsAuthMode.Token)]
    [InlineData("user", NatsAuthMode.UserPassword)]
    [InlineData("nkey", NatsAuthMode.NKey)]
    public void Valid_settings_pass_and_select_their_mode(string? mode, NatsAuthMode expected)
    {
        var options = new NatsOptions { Url = "nats://127.0.0.1:4222,nats://127.0.0.1:4223" };
        switch (mode)
        {
            case "token": options.Token = "t"; break;
            case "user": options.User = "u"; options.Password = "p"; break;
            case "nkey": options.NKeySeed = UserSeed; break;
        }

        Assert.Empty(Validate(options));
        Assert.Equal(expected, options.AuthMode);
    }

    [Fact]
    public void Seed_file_is_read_from_its_seed_line()
    {
        using var pair = KeyPair.CreatePair(PrefixByte.User);
        var file = Path.GetTempFileName();
        File.WriteAllText(file, $"# user nkey\n{pair.GetSeed()}\n");
        try
        {
            var options = new NatsOptions { Url = "nats://127.0.0.1:4222", NKeySeedFile = file };

            Assert.Empty(Validate(options));
            Assert.Equal(NatsAuthMode.NKey, options.AuthMode);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Empty_url_disables_nats()
    {
        Assert.False(new NatsOptions().Enabled);
        Assert.Empty(Validate(new NatsOptions()));
    }

    private static List<string> Validate(NatsOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results.Select(r => r.ErrorMessage ?? string.Empty).ToList();
    }
}
