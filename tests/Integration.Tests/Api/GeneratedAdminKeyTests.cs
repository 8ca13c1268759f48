using Autoscaler.Cli.Remote;
using Autoscaler.Silo.Api.Security;

namespace Autoscaler.Integration.Tests.Api;

/// <summary>The generated admin key file: one place per user that the silo writes and the CLI reads, never two keys
/// for one file when silos start together, a damaged file replaced.</summary>
public sealed class GeneratedAdminKeyTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("autoscaler-key-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void The_silo_and_the_cli_agree_on_where_the_key_lives()
    {
        Assert.Equal(GeneratedAdminKey.DefaultPath, LocalAdminKey.DefaultPath);
        Assert.EndsWith(Path.Combine("autoscaler", "admin.key"), GeneratedAdminKey.DefaultPath, StringComparison.Ordinal);
        Assert.True(Path.IsPathRooted(GeneratedAdminKey.DefaultPath));
    }

    [Fact]
    public async Task Silos_starting_together_end_up_with_the_one_key_in_the_file()
    {
        var path = Path.Combine(_root, "together", "admin.key");

        var keys = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => GeneratedAdminKey.LoadOrCreate(path, out bool _))));

        var inFile = (await File.ReadAllTextAsync(path)).Trim();
        Assert.All(keys, key => Assert.Equal(inFile, key));
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(path)!));
    }

    [Fact]
    public async Task A_file_too_short_to_be_a_key_is_replaced()
    {
        var path = Path.Combine(_root, "admin.key");
        await File.WriteAllTextAsync(path, "broken");

        var key = GeneratedAdminKey.LoadOrCreate(path, out var created);

        Assert.True(created);
        Assert.StartsWith(ApiKeyHasher.KeyPrefix, key, StringComparison.Ordinal);
        Assert.Equal(key, (await File.ReadAllTextAsync(path)).Trim());
    }
}
