using KhuyenCongBot.Core.Catalogue;
using KhuyenCongBot.Core.Conversations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace KhuyenCongBot.Core.Forms;

/// <summary>Registers the forms: the catalogue of forms (checked at start), the module and its flow, the draft reminder.</summary>
public static class FormsServiceCollectionExtensions
{
    public static IServiceCollection AddKhuyenCongForms(this IServiceCollection services)
    {
        services.TryAddSingleton(sp => FormCatalogue.Load(
            sp.GetRequiredService<Seeder>().SeedsPath,
            sp.GetRequiredService<CatalogueIndex>().Activities.Select(a => a.Id).ToList()));
        services.TryAddSingleton(sp => ProvinceAreas.Load(sp.GetRequiredService<Seeder>().SeedsPath));
        services.TryAddSingleton<FormRunner>();
        services.TryAddSingleton<FormFlow>();
        services.AddSingleton<IBotModule, FormsModule>();
        services.TryAddSingleton<DraftReminderService>();
        services.AddHostedService(sp => sp.GetRequiredService<DraftReminderService>());
        return services;
    }
}
