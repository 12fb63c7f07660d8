using KhuyenCongBot.Core.Beneficiaries;
using KhuyenCongBot.Core.Catalogue;
using KhuyenCongBot.Core.Projects;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace KhuyenCongBot.Core;

/// <summary>
/// Registers what the reports need (issue 15): the official commune list, beneficiaries and award levels of Decree 235,
/// project vocabulary, the project lifecycle and its queries. The seed files are read and checked when the host starts.
/// </summary>
public static class ReportingServiceCollectionExtensions
{
    public static IServiceCollection AddKhuyenCongReportingData(this IServiceCollection services)
    {
        services.TryAddSingleton(sp => CommuneCatalogue.Load(sp.GetRequiredService<Seeder>().SeedsPath, sp.GetRequiredService<CatalogueIndex>()));
        services.TryAddSingleton(sp => BeneficiaryCatalogue.Load(sp.GetRequiredService<Seeder>().SeedsPath));
        services.TryAddSingleton(sp => AwardLevels.Load(sp.GetRequiredService<Seeder>().SeedsPath));
        services.TryAddSingleton(sp => ProjectVocabulary.Load(sp.GetRequiredService<Seeder>().SeedsPath));
        services.TryAddSingleton<ProjectMoveParser>();
        services.TryAddSingleton<ProjectLifecycle>();
        services.TryAddSingleton<ProjectQueries>();
        services.TryAddSingleton(sp => Reports.ReportLayout.Load(sp.GetRequiredService<Seeder>().SeedsPath));
        services.TryAddSingleton<Reports.ReportWorkbook>();
        services.TryAddSingleton<Projects.Chat.ProjectsModule>();
        services.AddSingleton<Conversations.IBotModule>(sp => sp.GetRequiredService<Projects.Chat.ProjectsModule>());
        services.AddHostedService<ReportingSeedCheck>();
        return services;
    }
}

/// <summary>Reads the reporting seeds at start, so a malformed file stops the bot with a message naming it (like the other seeds).</summary>
internal sealed class ReportingSeedCheck(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = services.GetRequiredService<CommuneCatalogue>();
        _ = services.GetRequiredService<BeneficiaryCatalogue>();
        _ = services.GetRequiredService<AwardLevels>();
        _ = services.GetRequiredService<ProjectVocabulary>();
        _ = services.GetRequiredService<Reports.ReportLayout>();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
