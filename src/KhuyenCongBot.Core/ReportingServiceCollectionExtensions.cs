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
/// <remarks>Each seed is read when the host builds this service (its constructor's arguments), before any service starts.</remarks>
#pragma warning disable CS9113 // The parameters are what this check is for: resolving them reads and checks each seed.
internal sealed class ReportingSeedCheck(
    CommuneCatalogue communes, BeneficiaryCatalogue beneficiaries, AwardLevels awards, ProjectVocabulary projects, Reports.ReportLayout reports) : IHostedService
#pragma warning restore CS9113
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
