using System.Diagnostics;
using Autoscaler.Deploy.Tests.Support;

namespace Autoscaler.Deploy.Tests;

/// <summary>A clone holds everything its files point to: no tracked file links or refers to a path outside the
/// repository (the contracts live under docs/contracts, not in a directory beside the clone).</summary>
public sealed class RepositoryLinkTests
{
    // Spelled in pieces so this file does not match itself.
    private static readonly string[] OutsidePointers = ["shared" + "/contracts", "../" + "shared", "/work" + "/"];

    [Fact]
    public void No_tracked_file_points_outside_the_repository()
    {
        var offenders = new List<string>();
        foreach (var file in TrackedFiles())
        {
            var path = RepositoryFiles.PathOf(file);
            if (!File.Exists(path) || IsBinary(path))
            {
                continue;
            }

            var lines = File.ReadAllLines(path);
            for (var i = 0; i < lines.Length; i++)
            {
                if (OutsidePointers.FirstOrDefault(p => lines[i].Contains(p, StringComparison.Ordinal)) is { } pointer)
                {
                    offenders.Add($"{file}:{i + 1}: {pointer}");
                }
            }
        }

        Assert.True(offenders.Count == 0, "Files point outside the repository:\n" + string.Join('\n', offenders));
    }

    [Theory]
    [InlineData("docs/contracts/evaluate.md")]
    [InlineData("docs/contracts/telemetry.md")]
    public void The_readme_links_the_contracts_inside_the_repository(string contract)
    {
        Assert.True(RepositoryFiles.Exists(contract), $"{contract} is missing");
        Assert.Contains($"]({contract})", RepositoryFiles.Read("README.md"), StringComparison.Ordinal);
    }

    private static IEnumerable<string> TrackedFiles()
    {
        var start = new ProcessStartInfo("git", ["-C", RepositoryFiles.Root, "ls-files", "-z"])
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        using var git = Process.Start(start) ?? throw new InvalidOperationException("git could not be started");
        var output = git.StandardOutput.ReadToEnd();
        git.WaitForExit();
        Assert.True(git.ExitCode == 0, "git ls-files failed: the tests run inside a clone of the repository");
        var files = output.Split('\0', StringSplitOptions.RemoveEmptyEntries);
        Assert.NotEmpty(files);
        return files;
    }

    private static bool IsBinary(string path)
    {
        Span<byte> head = stackalloc byte[8000];
        using var stream = File.OpenRead(path);
        var read = stream.Read(head);
        return head[..read].Contains((byte)0);
    }
}
