using System.Runtime.Versioning;

namespace Autoscaler.Silo.Api.Security;

/// <summary>The admin key a silo without configured credentials makes for itself, kept in a file only its owner can read
/// (mode 0600 in a 0700 directory on Unix). An existing file is reused so restarts keep the key.</summary>
internal static class GeneratedAdminKey
{
    /// <summary>Where the key is kept unless <c>Api:GeneratedKeyFile</c> says otherwise: <c>autoscaler/admin.key</c> in the
    /// user's local data directory (<c>~/.local/share</c> on Linux), the same wherever the silo is started from. The CLI
    /// (<c>Autoscaler.Cli.Remote.LocalAdminKey</c>) reads the same file; a test keeps the two paths equal.</summary>
    public static string DefaultPath { get; } = Path.Combine(
        Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify),
        "autoscaler", "admin.key");

    /// <summary>The key in <paramref name="path"/>, created there first when missing; <c>created</c> says which.</summary>
    public static string LoadOrCreate(string path, out bool created)
    {
        var tooShort = false;
        if (File.Exists(path))
        {
            var existing = File.ReadAllText(path).Trim();
            if (existing.Length >= 32)
            {
                created = false;
                RestrictToOwner(path);
                return existing;
            }

            tooShort = true;
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var key = ApiKeyHasher.NewKey();
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(directory);
            File.WriteAllText(path, key + Environment.NewLine);
        }
        else
        {
            // A file found too short to hold a key is replaced; a file another silo wrote after we looked is kept and used
            // (deciding "replace" from a second look would overwrite the key a silo starting at the same time just wrote).
            key = WriteOwnerOnly(directory, path, key, replace: tooShort);
        }

        created = true;
        return key;
    }

    [UnsupportedOSPlatform("windows")]
    private static string WriteOwnerOnly(string directory, string path, string key, bool replace)
    {
        Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        // Write a new file created 0600 and move it into place: the key never sits in a file with wider permissions.
        // A name of its own per call: silos starting together (or two starts inside one process) never share it.
        var temporary = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        var options = new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
            UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
        };
        using (var writer = new StreamWriter(temporary, options))
        {
            writer.WriteLine(key);
        }

        try
        {
            File.Move(temporary, path, overwrite: replace);
            return key;
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temporary);
            return File.ReadAllText(path).Trim();
        }
    }

    private static void RestrictToOwner(string path)
    {
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }
}
