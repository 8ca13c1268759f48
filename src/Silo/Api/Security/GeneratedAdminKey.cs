using System.Runtime.Versioning;

namespace Autoscaler.Silo.Api.Security;

/// <summary>The admin key a silo without configured credentials makes for itself, kept in a file only its owner can read
/// (mode 0600 in a 0700 directory on Unix). An existing file is reused so restarts keep the key.</summary>
internal static class GeneratedAdminKey
{
    /// <summary>The key in <paramref name="path"/>, created there first when missing; <c>created</c> says which.</summary>
    public static string LoadOrCreate(string path, out bool created)
    {
        if (File.Exists(path))
        {
            var existing = File.ReadAllText(path).Trim();
            if (existing.Length >= 32)
            {
                created = false;
                RestrictToOwner(path);
                return existing;
            }
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
            WriteOwnerOnly(directory, path, key);
        }

        created = true;
        return key;
    }

    [UnsupportedOSPlatform("windows")]
    private static void WriteOwnerOnly(string directory, string path, string key)
    {
        Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        // Write a new file created 0600 and move it into place: the key never sits in a file with wider permissions.
        var temporary = path + ".tmp";
        File.Delete(temporary);
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

        File.Move(temporary, path, overwrite: true);
    }

    private static void RestrictToOwner(string path)
    {
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }
}
