namespace KhuyenCongBot.Benchmarks;

/// <summary>Entry point of the benchmark harness; each benchmark is a verb.</summary>
public static class Program
{
    public static int Main(string[] args)
    {
        Console.WriteLine("usage: dotnet run -c Release --project tests/KhuyenCongBot.Benchmarks -- <figures|broadcast|pipeline>");
        return args.Length == 0 ? 2 : 0;
    }
}
