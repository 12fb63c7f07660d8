using KhuyenCongBot.Core.Catalogue;
using KhuyenCongBot.Core.Figures;
using KhuyenCongBot.Core.Figures.Questions;
using KhuyenCongBot.Core.Messaging;
using KhuyenCongBot.Core.People;
using KhuyenCongBot.Core.Storage;
using KhuyenCongBot.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace KhuyenCongBot.Benchmarks.Figures;

/// <summary>The whole bot (as the host composes it) over the benchmark's store and index: question text in, reply text out.</summary>
public static class EngineAnswerer
{
    public static Func<string, string> Create(BenchContext bench)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:DatabasePath"] = ":memory:",
            ["Bot:FloodBurst"] = "0",
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<IConfiguration>(configuration);
        var noon = new DateTimeOffset(bench.Today.ToDateTime(new TimeOnly(12, 0)), TimeSpan.FromHours(7));
        services.AddSingleton<TimeProvider>(new FixedTimeProvider(noon));
        services.AddKhuyenCongBot(configuration);
        services.Replace(ServiceDescriptor.Singleton<IBotStore>(bench.Store));
        services.Replace(ServiceDescriptor.Singleton<IFigureSource>(bench.Index));
        var provider = services.BuildServiceProvider();
        var engine = provider.GetRequiredService<IBotEngine>();
        bench.Store.Users.Add(new BotUser
        {
            DisplayName = "bench", Role = Role.Manager, ScopeKind = ScopeKind.All, Identities = ["terminal:bench"], CreatedAt = noon,
        });
        return text =>
        {
            var handling = engine.HandleAsync(new Incoming { Channel = "terminal", ChatId = "bench", UserId = "bench", Text = text });
            if (!handling.IsCompleted)
            {
                // Sleep until the reply is ready, as an awaiting channel does: GetResult() alone spins first, and the spinning
                // thread took one of the two cores from the thread that commits the conversation state the reply waits for.
                ((IAsyncResult)handling).AsyncWaitHandle.WaitOne();
            }
            return string.Join("\n", handling.GetAwaiter().GetResult().Select(r => r.Text));
        };
    }

    /// <summary>The question parser alone, as the figures module builds it (catalogue and seeds/lexicon).</summary>
    public static Func<string, object> CreateParser(BenchContext bench)
    {
        var places = bench.Catalogue.Provinces.Select(p => p.Id).Concat(bench.Catalogue.Regions.Select(r => r.Id)).ToHashSet();
        var parser = new QuestionParser(bench.Catalogue, Lexicon.Load(SeedFiles.Locate(null), places));
        return text => parser.Parse(text, bench.Today);
    }

    private sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
    }
}
