namespace Autoscaler.Deploy.Tests.Support;

/// <summary>Files of this repository, found from the test's output directory upwards (the directory holding Orleans.sln).</summary>
public static class RepositoryFiles
{
    private static readonly Lazy<string> _root = new(FindRoot);

    /// <summary>The repository root.</summary>
    public static string Root => _root.Value;

    /// <summary>Absolute path of a repository-relative path written with '/'.</summary>
    public static string PathOf(string relative) => Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar));

    /// <summary>The text of a repository file.</summary>
    public static string Read(string relative) => File.ReadAllText(PathOf(relative));

    /// <summary>True when the repository-relative path is an existing file or directory.</summary>
    public static bool Exists(string relative) => File.Exists(PathOf(relative)) || Directory.Exists(PathOf(relative));

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Orleans.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Orleans.sln above {AppContext.BaseDirectory}.");
    }
}
