namespace Autoscaler.Scaling.Tests;

/// <summary>Reads JSON case files copied next to the test assembly.</summary>
internal static class CaseFiles
{
    public static string Path(string name) => System.IO.Path.Combine(AppContext.BaseDirectory, "Cases", name);

    public static string Read(string name) => File.ReadAllText(Path(name));

    public static byte[] Bytes(string name) => File.ReadAllBytes(Path(name));
}
