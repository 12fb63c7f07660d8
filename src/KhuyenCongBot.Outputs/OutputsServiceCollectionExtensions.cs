using KhuyenCongBot.Core.Figures;
using Microsoft.Extensions.DependencyInjection;

namespace KhuyenCongBot.Outputs;

/// <summary>Registers the chart renderer and the spreadsheet writer.</summary>
public static class OutputsServiceCollectionExtensions
{
    public static IServiceCollection AddKhuyenCongOutputs(this IServiceCollection services)
    {
        services.AddSingleton<IChartRenderer, ScottPlotChartRenderer>();
        services.AddSingleton<ISpreadsheetWriter, MiniExcelSpreadsheetWriter>();
        return services;
    }
}
