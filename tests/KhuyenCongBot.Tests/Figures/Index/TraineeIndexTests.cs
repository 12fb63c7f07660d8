using System.Globalization;
using System.Text.RegularExpressions;
using KhuyenCongBot.Core.Figures;
using KhuyenCongBot.Core.Records;

namespace KhuyenCongBot.Tests.Figures.Index;

/// <summary>
/// Trainees are a measure of the figures index (issue 13): the index's totals and breakdowns of trainees, and of the records that
/// name no number of trainees, equal plain LINQ over the stored records (the form's answer, else "N học viên" in the note), also
/// after records are added, changed and deleted.
/// </summary>
public sealed partial class TraineeIndexTests
{
    [Theory]
    [InlineData(21)]
    [InlineData(22)]
    public void Trainees_and_records_without_them_equal_linq_over_the_records(int seed)
    {
        using var f = new FigureFixture(seed);
        f.AddRandom(3000);
        using var index = f.Index();
        AssertLinq(f, index, 150);
        var ids = f.Store.Records.All().Select(r => r.Id).ToList();
        foreach (var id in ids.Take(400))
        {
            var record = f.Store.Records.Get(id)!;
            switch (f.Random.Next(3))
            {
                case 0: record.Extra["trainees"] = f.Random.Next(1, 90).ToString(CultureInfo.InvariantCulture); f.Store.Records.Update(record); break;
                case 1: record.Extra.Remove("trainees"); record.Note = null; f.Store.Records.Update(record); break;
                default: f.Store.Records.Delete(id); break;
            }
        }
        AssertLinq(f, index, 150);
    }

    private static void AssertLinq(FigureFixture f, FiguresIndex index, int questions)
    {
        var records = f.Store.Records.All().ToList();
        for (var i = 0; i < questions; i++)
        {
            var q = f.NewQuery() with { ActivityId = f.Random.Next(4) == 0 ? null : "training", Measure = Measures.Trainees };
            var matching = records.Where(r => (q.ActivityId is null || r.ActivityId == q.ActivityId) && r.Date >= q.From && r.Date <= q.To
                && (q.ProvinceIds is null || q.ProvinceIds.Contains(r.ProvinceId)) && (q.Status is null || r.Status == q.Status)
                && (q.Source is null || RecordFunding.Has(r, q.Source.Value))).ToList();
            var total = index.Total(q);
            Assert.Equal(matching.Sum(r => Trainees(r) ?? 0), total.Value);
            Assert.Equal(matching.Where(r => r.Status == RecordStatus.Estimate).Sum(r => Trainees(r) ?? 0), total.EstimatePart);
            Assert.Equal(matching.Count, total.Records);
            Assert.Equal(matching.Count(r => Trainees(r) is null), index.Total(q with { Measure = Measures.TraineesUnknown }).Value);
            var byMonth = index.Breakdown(q, BreakdownBy.Month).ToDictionary(kv => kv.Key, kv => kv.Value.Value);
            var expected = matching.GroupBy(r => r.Date.ToString("yyyy-MM", CultureInfo.InvariantCulture)).ToDictionary(g => g.Key, g => (decimal)g.Sum(r => Trainees(r) ?? 0));
            Assert.Equal(expected.OrderBy(kv => kv.Key), byMonth.OrderBy(kv => kv.Key));
        }
    }

    /// <summary>Written here again, not taken from the bot: the form's answer, else the number before "học viên" in the note.</summary>
    private static long? Trainees(SupportRecord r) =>
        r.Extra.TryGetValue("trainees", out var n) ? long.Parse(n, CultureInfo.InvariantCulture)
        : r.Note is { } note && NoteTrainees().Match(note) is { Success: true } m ? long.Parse(m.Groups[1].Value.Replace(".", "", StringComparison.Ordinal), CultureInfo.InvariantCulture)
        : null;

    [GeneratedRegex(@"([0-9][0-9.]*) học viên")]
    private static partial Regex NoteTrainees();
}
