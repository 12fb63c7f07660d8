using KhuyenCongBot.Core.Figures;
using KhuyenCongBot.Core.Records;
using Microsoft.Extensions.DependencyInjection;

namespace KhuyenCongBot.Outputs;

/// <summary>Registers the chart renderer and the spreadsheet writer (which also reads records sheets back for import).</summary>
public static class OutputsServiceCollectionExtensions
{
    public static IServiceCollection AddKhuyenCongOutputs(this IServiceCollection services)
    {
        services.AddSingleton<IChartRenderer, ScottPlotChartRenderer>();
        services.AddSingleton<MiniExcelSpreadsheetWriter>();
        services.AddSingleton<ISpreadsheetWriter>(sp => sp.GetRequiredService<MiniExcelSpreadsheetWriter>());
        services.AddSingleton<IRecordSpreadsheet>(sp => sp.GetRequiredService<MiniExcelSpreadsheetWriter>());
        services.AddSingleton<Core.Reports.IReportWorkbookWriter, MiniExcelReportWriter>();
        return services;
    }
}
