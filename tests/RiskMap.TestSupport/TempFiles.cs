using System.Text;

namespace RiskMap.TestSupport;

/// <summary>Files a test writes for one import, deleted with the test class.</summary>
public sealed class TempFiles : IDisposable
{
    private readonly DirectoryInfo _directory = System.IO.Directory.CreateTempSubdirectory("riskmap-test-");

    public string Directory => _directory.FullName;

    public string Write(string name, string content)
    {
        var path = Path.Combine(Directory, name);
        File.WriteAllText(path, content, new UTF8Encoding(false));
        return path;
    }

    public string Write(string name, byte[] content)
    {
        var path = Path.Combine(Directory, name);
        File.WriteAllBytes(path, content);
        return path;
    }

    public void Dispose() => _directory.Delete(recursive: true);
}
