using KhuyenCongBot.Core.Catalogue;
using KhuyenCongBot.Core.Conversations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace KhuyenCongBot.Core.Figures.Questions;

/// <summary>Registers the question-answering module (free-text figures, /baocao, /kehoach), its options and its lexicon (checked at start).</summary>
public static class FiguresModuleServiceCollectionExtensions
{
    public static IServiceCollection AddKhuyenCongQuestions(this IServiceCollection services, IConfiguration? configuration = null)
    {
        var options = services.AddOptions<FiguresOptions>();
        if (configuration is not null)
        {
            options.Bind(configuration.GetSection(FiguresOptions.Section));
        }
        options.ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(sp =>
        {
            var catalogue = sp.GetRequiredService<CatalogueIndex>();
            var places = catalogue.Provinces.Select(p => p.Id).Concat(catalogue.Regions.Select(r => r.Id)).ToHashSet();
            return Lexicon.Load(sp.GetRequiredService<Seeder>().SeedsPath, places);
        });
        services.AddSingleton<IBotModule, FiguresModule>();
        services.AddSingleton<IBotModule, PlansModule>();
        return services;
    }
}
