using KhuyenCongBot.Core.Catalogue;
using KhuyenCongBot.Core.Records;

namespace KhuyenCongBot.Tests.Records;

/// <summary>records.csv carries the facility's official commune code (commune_code; "none": confirmed not in the 2025 list): a code
/// of the record's province is stored with the new facility, another province's or an unknown code refuses its row.</summary>
public sealed class CommuneCodeImportTests
{
    private static readonly Lazy<CommuneCatalogue> Communes = new(() => CommuneCatalogue.Load(RecordsTestKit.SeedsPath, RecordsTestKit.Catalogue));

    public static TheoryData<string, string, string?> Rows => new()
    {
        // province of the record, what the cell holds ("{phu-tho}": the first Phú Thọ code of the list), the problem (null: imported)
        { "Phú Thọ", "{phu-tho}", null },
        { "Vĩnh Phúc", "{phu-tho}", null }, // a 2024 record of a former province: the list of the unit it was merged into
        { "Phú Thọ", "none", null },
        { "Phú Thọ", "", null },
        { "Phú Thọ", "{bac-ninh}", "không có trong danh sách xã/phường năm 2025 của Phú Thọ" },
        { "Phú Thọ", "99999", "mã xã/phường '99999' không có trong danh sách" },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void The_code_is_checked_against_the_province_list_and_stored_with_the_facility(string province, string cell, string? problem)
    {
        var code = cell.StartsWith('{') ? Communes.Value.InProvince(cell.Trim('{', '}'))[0].Code : cell;
        var (store, importer) = RecordsTestKit.NewStore();
        using (store)
        {
            var result = importer.ImportRecords(new StringReader(RecordsTestKit.Header + ",commune_code\n"
                + $"10/04/2024,{province},trade_fair,HTX gốm Hương Canh,xã Hương Canh,2,,,,,,{code}\n"), 7);
            if (problem is not null)
            {
                Assert.False(result.Ok);
                Assert.Contains(problem, result.Describe());
                Assert.Empty(store.Facilities.All());
                return;
            }
            Assert.True(result.Ok, result.Describe());
            var facility = Assert.Single(store.Facilities.All());
            Assert.Equal(code is "" or "none" ? null : code, facility.CommuneCode);
            Assert.Equal(code == "none", facility.CommuneNotInList);
        }
    }
}
