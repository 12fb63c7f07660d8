using KhuyenCongBot.Core.Conversations;
using Microsoft.Extensions.DependencyInjection;

namespace KhuyenCongBot.Core.Figures.Questions;

/// <summary>Registers the question-answering module (free-text figures, /baocao, /kehoach).</summary>
public static class FiguresModuleServiceCollectionExtensions
{
    public static IServiceCollection AddKhuyenCongQuestions(this IServiceCollection services)
    {
        services.AddSingleton<IBotModule, FiguresModule>();
        return services;
    }
}
