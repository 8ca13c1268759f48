using Autoscaler.Cli.Remote;

namespace Autoscaler.Integration.Tests.Cli;

/// <summary>The CLI falls back to a local silo's generated key only for a silo on this machine.</summary>
public sealed class LocalAdminKeyTests : IDisposable
{
    private readonly string _file = Path.Combine(Directory.CreateTempSubdirectory("autoscaler-cli-key-").FullName, "admin.key");

    public LocalAdminKeyTests() => File.WriteAllText(_file, "ask_local-key\n");

    public void Dispose() => Directory.Delete(Path.GetDirectoryName(_file)!, recursive: true);

    [Theory]
    [InlineData("http://127.0.0.1:8080")]
    [InlineData("http://localhost:8080")]
    [InlineData("http://[::1]:8080")]
    public void A_silo_on_this_machine_gets_the_generated_key(string url) =>
        Assert.Equal("ask_local-key", LocalAdminKey.For(new Uri(url), _file));

    [Theory]
    [InlineData("http://10.0.0.5:8080")]
    [InlineData("https://autoscaler.example.com")]
    public void A_silo_elsewhere_never_gets_it(string url) => Assert.Null(LocalAdminKey.For(new Uri(url), _file));

    [Fact]
    public void No_file_means_no_key() => Assert.Null(LocalAdminKey.For(new Uri("http://127.0.0.1:8080"), _file + ".missing"));
}
