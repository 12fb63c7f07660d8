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
                return FiguresBenchmark.Run(args[1..]);
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
                Console.WriteLine("usage: dotnet run -c Release --project tests/KhuyenCongBot.Benchmarks -- <figures|broadcast|pipeline|memory|facilities|communes>");
                Console.WriteLine("  figures [--records 1000000] [--index-reps 500] [--sqlite-reps 20] [--scan-reps 3] [--busy 0 (threads kept spinning)] [--out file.md]");
                Console.WriteLine("  broadcast [--recipients 10000] [--small-recipients 2000] [--latency-ms 50] [--scenarios default,restart,crash,rate30,rate35] [--out file.md]");
                Console.WriteLine("  memory [--db existing.db] [--users 10000] [--records 1000000] [--seconds 20] [--rounds 20] [--no-probe] [--out file.md]");
                Console.WriteLine("  facilities [--facilities 100000] [--searches 1000] [--old-searches 1000] [--out file.md]");
                Console.WriteLine("  communes [--rounds 20] [--out file.md]");
                return args.Length == 0 ? 2 : 0;
        }
    }
}
