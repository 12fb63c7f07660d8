using KhuyenCongBot.Benchmarks.Broadcast;
using KhuyenCongBot.Benchmarks.Figures;

namespace KhuyenCongBot.Benchmarks;

/// <summary>Entry point of the benchmark harness; each benchmark is a verb.</summary>
public static class Program
{
    public static int Main(string[] args)
    {
        switch (args.FirstOrDefault())
        {
            case "figures":
                FiguresBenchmark.CreateAnswerer ??= EngineAnswerer.Create;
                FiguresBenchmark.CreateParser ??= EngineAnswerer.CreateParser;
                return WithBotGcSettings(args) ?? FiguresBenchmark.Run(args[1..]);
            case "history":
                return HistoryProfile.Run(args[1..]);
            case "pipeline":
                return Pipeline.PipelineBenchmark.Run(args[1..]);
            case "engine":
                return Pipeline.EngineBenchmark.Run(args[1..]);
            case "broadcast":
                return BroadcastBenchmark.Run(args[1..]);
            case "memory":
                return Memory.MemoryBenchmark.Run(args[1..]);
            case "facilities":
                return Facilities.FacilitiesBenchmark.Run(args[1..]);
            case "communes":
                return Communes.CommunesBenchmark.Run(args[1..]);
            default:
                Console.WriteLine("usage: dotnet run -c Release --project tests/KhuyenCongBot.Benchmarks -- <figures|history|broadcast|pipeline|memory|facilities|communes>");
                Console.WriteLine("  figures [--records 1000000] [--index-reps 500] [--sqlite-reps 20] [--scan-reps 3] [--busy 0 (threads kept spinning)] [--only projects|replies|name,name] [--out file.md]");
                Console.WriteLine("  history [--records 100000] (the facility-history reply taken apart; the data file is kept in the temp folder)");
                Console.WriteLine("  broadcast [--recipients 10000] [--small-recipients 2000] [--latency-ms 50] [--scenarios default,restart,crash,rate30,rate35] [--out file.md]");
                Console.WriteLine("  memory [--db existing.db] [--users 10000] [--records 1000000] [--seconds 20] [--rounds 20] [--no-probe] [--out file.md]");
                Console.WriteLine("  facilities [--facilities 100000] [--searches 1000] [--old-searches 1000] [--out file.md]");
                Console.WriteLine("  communes [--rounds 20] [--out file.md]");
                return args.Length == 0 ? 2 : 0;
        }
    }

    /// <summary>
    /// The figures verb times replies of the bot: it runs with the bot's GC settings (KhuyenCongBot.runtimeconfig.json: workstation
    /// GC, ConserveMemory), in a child process given them as DOTNET_ variables; null when this process already has them.
    /// </summary>
    private static int? WithBotGcSettings(string[] args)
    {
        var settings = Memory.MemoryBenchmark.GcSettingsOfBot().ToList();
        if (settings.Count == 0 || settings.All(s => Environment.GetEnvironmentVariable(s.Item1) is not null))
        {
            return null;
        }
        var info = new System.Diagnostics.ProcessStartInfo("dotnet") { UseShellExecute = false };
        info.ArgumentList.Add(typeof(Program).Assembly.Location);
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }
        foreach (var (name, value) in settings)
        {
            info.Environment[name] = value;
        }
        using var child = System.Diagnostics.Process.Start(info)!;
        child.WaitForExit();
        return child.ExitCode;
    }
}
