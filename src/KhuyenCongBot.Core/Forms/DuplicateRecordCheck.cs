using KhuyenCongBot.Core.Conversations;
using KhuyenCongBot.Core.Messaging;
using KhuyenCongBot.Core.Records;
using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Core.Forms;

/// <summary>
/// Before a new record is saved (not a correction): a record (among the officer's latest <see cref="RecentRecords"/>) of the same province, activity, facility and date with the same
/// amounts (booths, funding, revenue) and the same other answers (the fair's name) is most likely the same support logged twice, which the figures would count twice. It is
/// named and the officer confirms ("Vẫn lưu thêm") or goes back; a confirmation holds while the answers and that record stay the same.
/// </summary>
internal static class DuplicateRecordCheck
{
    /// <summary>The duplicate the officer was asked about last, with the answers then.</summary>
    internal const string ConfirmedKey = "dupw";

    /// <summary>How many of the officer's latest records are compared.</summary>
    internal const int RecentRecords = 500;

    /// <summary>True, with the question asked, when the record is not to be saved yet.</summary>
    public static bool AskFirst(BotContext ctx, FormSession s, FormDefinition form)
    {
        if (s.EditId is not null)
        {
            return false;
        }
        var draft = new SupportRecord();
        RecordWriter.Fill(draft, form, s, ctx.Store);
        if (Find(ctx, draft) is not { } same)
        {
            return EstimateFirst(ctx, s, draft);
        }
        var mark = same.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) + "|" + Answers(s);
        if (s.Get(ConfirmedKey) == mark)
        {
            return false;
        }
        s.Set(ConfirmedKey, mark);
        PendingConfirmation.Ask(ctx, s,
            ctx.Text("form.fix.duplicate", ("id", same.Id), ("date", VnFormat.Date(same.Date)), ("line", RecordWriter.Line(same, ctx))),
            [new Choice(ctx.Text("form.fix.save_anyway"), "f:save"), new Choice(ctx.Text("form.fix.go_back"), "f:edit")]);
        return true;
    }

    /// <summary>
    /// An actual record whose estimate was logged before (same province, activity, facility and other answers, dated within a month):
    /// saved beside it, both would be counted ("3 gian hàng ước" + "5 chính thức" = 8). The officer is shown the estimate and how to
    /// replace it (/sua), or saves this as another support.
    /// </summary>
    private static bool EstimateFirst(BotContext ctx, FormSession s, SupportRecord draft)
    {
        if (draft.Status != RecordStatus.Actual)
        {
            return false;
        }
        SupportRecord? estimate = null;
        foreach (var r in ctx.Store.Records.ByUser(ctx.User.Id, RecentRecords))
        {
            if (r.Status == RecordStatus.Estimate && r.ActivityId == draft.ActivityId && r.ProvinceId == draft.ProvinceId && SameFacility(r, draft)
                && Math.Abs(r.Date.DayNumber - draft.Date.DayNumber) <= 31 && SameNames(r, draft) && (estimate is null || r.Id > estimate.Id))
            {
                estimate = r;
            }
        }
        if (estimate is null)
        {
            return false;
        }
        var mark = "e" + estimate.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) + "|" + Answers(s);
        if (s.Get(ConfirmedKey) == mark)
        {
            return false;
        }
        s.Set(ConfirmedKey, mark);
        PendingConfirmation.Ask(ctx, s,
            ctx.Text("form.fix.estimate_exists", ("id", estimate.Id), ("date", VnFormat.Date(estimate.Date)), ("line", RecordWriter.Line(estimate, ctx))),
            [new Choice(ctx.Text("form.fix.save_anyway"), "f:save"), new Choice(ctx.Text("form.fix.go_back"), "f:edit")]);
        return true;
    }

    /// <summary>The latest record of the draft's province, activity, date and facility with the same amounts, or null.</summary>
    private static SupportRecord? Find(BotContext ctx, SupportRecord draft)
    {
        SupportRecord? found = null;
        // The officer's own latest records (an indexed query): reading every record of the database at each save cost seconds at
        // 1.000.000 records. A duplicate entered by another officer is not caught here.
        foreach (var r in ctx.Store.Records.ByUser(ctx.User.Id, RecentRecords))
        {
            if (r.ActivityId == draft.ActivityId && r.Date == draft.Date && r.ProvinceId == draft.ProvinceId && SameFacility(r, draft)
                && r.Booths == draft.Booths && r.FundingVnd == draft.FundingVnd && r.RevenueVnd == draft.RevenueVnd
                && SameNames(r, draft)
                && (found is null || r.Id > found.Id))
            {
                found = r;
            }
        }
        return found;
    }

    /// <summary>The form's other answers both records have (the fair's name…) agree: two fairs of one facility on one day are two records.</summary>
    private static bool SameNames(SupportRecord a, SupportRecord b) =>
        b.Extra.All(e => !a.Extra.TryGetValue(e.Key, out var other) || VnText.FoldWords(other) == VnText.FoldWords(e.Value));

    private static bool SameFacility(SupportRecord a, SupportRecord b) =>
        a.FacilityId is { } id ? id == b.FacilityId
        : b.FacilityId is null && VnText.FoldWords(a.FacilityName ?? "") == VnText.FoldWords(b.FacilityName ?? "");

    private static string Answers(FormSession s) =>
        string.Join("\n", s.State.Data.Where(e => e.Key.StartsWith("a:", StringComparison.Ordinal)).OrderBy(e => e.Key, StringComparer.Ordinal)
            .Select(e => e.Key + "=" + e.Value));
}
