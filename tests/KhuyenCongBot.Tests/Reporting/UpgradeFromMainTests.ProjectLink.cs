using KhuyenCongBot.Core.Records;
using KhuyenCongBot.Storage;

namespace KhuyenCongBot.Tests.Reporting;

/// <summary>Schema 4: records may name their project. A database from before reads every record as linked to none, and a link written after the upgrade is found by its code.</summary>
public sealed partial class UpgradeFromMainTests
{
    [Fact]
    public void Old_records_belong_to_no_project_and_a_new_link_is_found_by_its_code_after_a_restart()
    {
        var path = OldDatabase();
        long linked;
        using (var store = new LiteDbStore(path))
        {
            var records = store.Records.All().ToList();
            Assert.Equal(4, records.Count);
            Assert.All(records, r => Assert.Null(r.ProjectCode));
            Assert.Empty(store.Records.ByProject("KC-2026-07"));
            Assert.Equal("4", store.Meta.Get(LiteDbStore.SchemaVersionKey));
            linked = store.Records.Add(new SupportRecord
            {
                ActivityId = "trade_fair", Date = new DateOnly(2026, 11, 1), ProvinceId = "phu-tho", FacilityName = "Gốm Hương Canh", ProjectCode = "KC-2026-07",
            });
        }
        using (var reopened = new LiteDbStore(path))
        {
            Assert.Equal([linked], reopened.Records.ByProject("KC-2026-07").Select(r => r.Id));
            Assert.Empty(reopened.Records.ByProject("KC-2026-01"));
            Assert.Equal(4, reopened.Records.All().Count(r => r.ProjectCode is null));
        }
    }
}
