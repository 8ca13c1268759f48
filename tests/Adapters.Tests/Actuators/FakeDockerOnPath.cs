namespace Autoscaler.Adapters.Tests.Actuators;

/// <summary>
/// A temporary directory holding an executable <c>docker</c> shell script, put first on this process's PATH so that the
/// real <see cref="Autoscaler.Adapters.Actuators.Compose.ProcessCommandRunner"/> finds it as Docker. The script writes each
/// argument on its own line to <see cref="ArgumentsFile"/> and behaves according to <c>FAKE_DOCKER_MODE</c>, read from
/// <see cref="ModeFile"/>. Disposing restores PATH and deletes the directory.
/// </summary>
public sealed class FakeDockerOnPath : IDisposable
{
    private const string Script =
        """
        #!/bin/sh
        dir="$(dirname "$0")"
        : > "$dir/args"
        for arg in "$@"; do printf '%s\n' "$arg" >> "$dir/args"; done
        mode="$(cat "$dir/mode")"
        case "$mode" in
          fail) echo "no such service: backend" >&2; exit 3 ;;
          hang) exec sleep 30 ;;
        esac
        for arg in "$@"; do
          if [ "$arg" = "ps" ]; then
            echo '{"Name":"p-backend-1","Service":"backend","State":"running","Health":""}'
            echo '{"Name":"p-backend-2","Service":"backend","State":"running","Health":""}'
            exit 0
          fi
        done
        echo "scaled" >&2
        exit 0
        """;

    private readonly string? _originalPath = Environment.GetEnvironmentVariable("PATH");

    public FakeDockerOnPath()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("fake-docker-").FullName;
        var docker = Path.Combine(Directory, "docker");
        File.WriteAllText(docker, Script.ReplaceLineEndings("\n"));
        if (!OperatingSystem.IsWindows()) // a POSIX shell script: these tests need Linux or macOS
        {
            File.SetUnixFileMode(docker, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        Mode = "ok";
        Environment.SetEnvironmentVariable("PATH", Directory + Path.PathSeparator + _originalPath);
    }

    public string Directory { get; }

    public string ArgumentsFile => Path.Combine(Directory, "args");

    public string ModeFile => Path.Combine(Directory, "mode");

    public string Mode
    {
        set => File.WriteAllText(ModeFile, value);
    }

    public IReadOnlyList<string> RecordedArguments() => File.ReadAllLines(ArgumentsFile);

    public void Dispose()
    {
        Environment.SetEnvironmentVariable("PATH", _originalPath);
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}
