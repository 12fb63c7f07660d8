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
        // The form's collaborators (docs/architecture.md, "Forms"): shown, moved through, answered, summed up, saved.
        services.TryAddSingleton<NewFacilityView>();
        services.TryAddSingleton<FormPrompter>();
        services.TryAddSingleton<AmountPlausibility>();
        // The checks between answers run before the summary, in this order; another one is one more line here.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IFormCrossCheck, AmountCrossCheck>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IFormCrossCheck, DateDependentCheck>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IFormCrossCheck, FutureDateCheck>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IFormCrossCheck, CommuneMergerCheck>());
        services.TryAddSingleton<FormNavigator>();
        services.TryAddSingleton<NewFacilityCommune>();
        services.TryAddSingleton<NewFacilityBeneficiary>();
        services.TryAddSingleton<FacilityAnswers>();
        services.TryAddSingleton<EvidenceAnswers>();
        services.TryAddSingleton<FieldAnswers>();
        services.TryAddSingleton<FormSaver>();
        services.TryAddSingleton<FormSummary>();
        services.TryAddSingleton<FormCorrections>();
        services.TryAddSingleton<FormIntents>();
        services.TryAddSingleton<FormStarter>();
        services.TryAddSingleton<MyRecords>();
        services.TryAddSingleton<ActualFigures>();
        services.TryAddSingleton<FormRunner>();
        services.AddSingleton<IBotModule, FormsModule>();
        services.TryAddSingleton<DraftReminderService>();
        services.AddHostedService(sp => sp.GetRequiredService<DraftReminderService>());
        return services;
    }
}
