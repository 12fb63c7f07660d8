using KhuyenCongBot.Core;
using KhuyenCongBot.Core.Catalogue;
using KhuyenCongBot.Core.Records;
using KhuyenCongBot.Core.Storage;
using KhuyenCongBot.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace KhuyenCongBot.Tests.Records;

/// <summary>The importer registration works with the seeder, which asks for it while building the catalogue.</summary>
public sealed class RecordsRegistrationTests
{
    [Fact]
    public void Seeder_loads_the_demo_data_through_the_registered_importer()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:DatabasePath"] = ":memory:",
            ["Storage:LoadDemoData"] = "true",
        }).Build();
        using var provider = new ServiceCollection()
            .AddKhuyenCongCore(configuration)
            .AddKhuyenCongStorage()
            .AddKhuyenCongRecords()
            .BuildServiceProvider();
        var catalogue = provider.GetRequiredService<CatalogueIndex>();
        var store = provider.GetRequiredService<IBotStore>();
        Assert.Equal(34, catalogue.CurrentProvinces.Count());
        Assert.Equal("1", store.Meta.Get("demo-loaded"));
        Assert.True(store.Records.Count() > 2000);
        Assert.All(store.Records.All().Take(50), r => Assert.Equal("demo", r.Source));
        Assert.IsType<CsvRecordImporter>(provider.GetRequiredService<IRecordImporter>());
    }
}
