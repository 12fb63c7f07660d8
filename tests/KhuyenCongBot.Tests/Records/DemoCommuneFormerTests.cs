using KhuyenCongBot.Core.Catalogue;
using KhuyenCongBot.Tests.Support;

namespace KhuyenCongBot.Tests.Records;

/// <summary>
/// The demo's records dated before the 2025 merger name communes of their former province (h-figures): 28 rows of old Bắc Ninh
/// named "phường Đồng Kỵ", which the bot reads as Bắc Giang's "xã Đồng Kỳ" (seeds/catalogue/commune-former.json). Read from the
/// seeded store, each checked with the same map the import and the forms use.
/// </summary>
public sealed class DemoCommuneFormerTests
{
    /// <summary>The former province of the commune as the bot reads it: a 2025 commune with the same name without diacritics or type
    /// ("phường Đồng Kỵ" is Bắc Giang's "xã Đồng Kỳ"), else an old commune name only one former province had.</summary>
    private static string? Read(CommuneCatalogue communes, string current, string commune)
    {
        var name = KhuyenCongBot.Core.Text.VnText.FoldWords(commune).Split(' ', 2) is [("xa" or "phuong"), var rest] ? rest : KhuyenCongBot.Core.Text.VnText.FoldWords(commune);
        var same = communes.Match(current, commune).Candidates.Where(c => KhuyenCongBot.Core.Text.VnText.FoldWords(c.Commune.Name) == name).ToList();
        return same.Count == 1 ? communes.Former.FormerOf(same[0].Commune.Code) : communes.Former.FormerOfName(communes, current, commune);
    }

    [Fact]
    public void No_pre_merger_demo_record_names_a_commune_of_another_former_province()
    {
        using var bot = BotHarness.Create(new DateOnly(2026, 11, 26), demo: true);
        var communes = CommuneCatalogue.Load(RecordsTestKit.SeedsPath, bot.Catalogue);
        var before = bot.Store.Records.All().Where(r => r.Date < ProvinceUnit.MergedOn && r.Commune is not null).ToList();
        var wrong = before
            .Select(r => (Record: r, Former: Read(communes, bot.Catalogue.CurrentOf(r.ProvinceId)!.Id, r.Commune!)))
            .Where(x => x.Former is not null && x.Former != x.Record.ProvinceId)
            .Select(x => $"{x.Record.ProvinceId} · {x.Record.Commune} → {x.Former}").Distinct().ToList();
        Assert.Empty(wrong);
        // The wood village of Đồng Kỵ keeps its records in old Bắc Ninh, under the ward it lies in.
        Assert.Contains(before, r => r.ProvinceId == "bac-ninh" && r.Commune == "phường Đồng Nguyên"
            && communes.Former.FormerOfName(communes, "bac-ninh", r.Commune) == "bac-ninh");
    }
}
