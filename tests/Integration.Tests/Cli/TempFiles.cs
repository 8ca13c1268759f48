namespace Autoscaler.Integration.Tests.Cli;

/// <summary>Files for <c>-f</c> options, deleted with their directory.</summary>
internal sealed class TempFiles : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("autoscaler-cli-files-");

    public string Write(string content)
    {
        var path = Path.Combine(_directory.FullName, $"{Guid.NewGuid():N}.json");
        File.WriteAllText(path, content);
        return path;
    }

    public void Dispose() => _directory.Delete(recursive: true);
}
