using KhuyenCongBot.Core.Beneficiaries;
using KhuyenCongBot.Core.Catalogue;
using KhuyenCongBot.Core.Projects;
using KhuyenCongBot.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace KhuyenCongBot.Tests.Reporting;

/// <summary>The reporting seeds are read and checked when the bot starts, like the other seeds.</summary>
public sealed class ReportingStartTests : IDisposable
{
    private readonly string _db = Path.Combine(Path.GetTempPath(), "kcb-start-" + Guid.NewGuid().ToString("N") + ".db");

    public void Dispose()
    {
        foreach (var file in new[] { _db, _db.Replace(".db", "-log.db") })
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task A_broken_commune_list_stops_the_chat_at_start_naming_the_file()
    {
        using var seeds = ReportingTestKit.CopySeeds();
        seeds.Edit(CommuneCatalogue.FileName, s => s.Replace("\"total\": 3321", "\"total\": 3000"));
        var error = new StringWriter();
        var code = await BotApp.RunAsync(
            CommandLine.Parse(["chat", $"--Storage:DatabasePath={_db}", $"--Storage:SeedsPath={seeds.Path}"]),
            new StringReader("/help\n"), TextWriter.Null, error, CancellationToken.None);
        Assert.Equal(BotApp.ExitConfiguration, code);
        Assert.Contains(CommuneCatalogue.FileName, error.ToString());
        Assert.Contains("3000", error.ToString());
    }

    [Fact]
    public async Task The_host_composes_every_reporting_service_and_checks_the_seeds_at_start()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:DatabasePath"] = _db }).Build();
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddKhuyenCongBot(configuration);
        using var host = builder.Build();
        await host.StartAsync();
        try
        {
            Assert.Equal(3321, host.Services.GetRequiredService<CommuneCatalogue>().Count);
            Assert.Equal(5, host.Services.GetRequiredService<BeneficiaryCatalogue>().LegalForms.Count);
            Assert.NotNull(host.Services.GetRequiredService<AwardLevels>().Level("huyen"));
            Assert.NotNull(host.Services.GetRequiredService<ProjectMoveParser>().Parse("KC-2026-07 nghiệm thu hôm nay", new DateOnly(2026, 11, 26)));
            Assert.NotNull(host.Services.GetRequiredService<ProjectLifecycle>());
            Assert.NotNull(host.Services.GetRequiredService<ProjectQueries>());
            Assert.Equal("Chuyển đổi số", host.Services.GetRequiredService<CatalogueIndex>().FindActivity("chuyen doi so")?.ShortName);
        }
        finally
        {
            await host.StopAsync();
        }
    }
}
