using KhuyenCongBot.Core.Conversations;
using KhuyenCongBot.Core.Records;

namespace KhuyenCongBot.Core.Forms;

/// <summary>The facilities a person logged lately, offered as buttons at the facility question.</summary>
internal static class FacilityMemory
{
    /// <summary>How many recent facilities a conversation remembers (four are offered, within the form's province).</summary>
    internal const int RecentKept = 12;

    internal static List<RecentFacility> Recent(BotContext ctx, FormSession s, FormDefinition form)
    {
        var province = FormScope.FacilityProvince(ctx, s, form);
        var units = province is null ? null : ctx.Catalogue.UnitsOf(province);
        // Read from the person's records once; kept up to date by every save since.
        ctx.State.RecentFacilities ??= ctx.Store.Records.ByUser(ctx.User.Id, 30)
            .Where(r => r.FacilityId is not null && r.FacilityName is { Length: > 0 })
            .DistinctBy(r => r.FacilityId)
            .Take(RecentKept)
            .Select(r => new RecentFacility { Id = r.FacilityId!.Value, Name = r.FacilityName!, ProvinceId = r.ProvinceId })
            .ToList();
        return ctx.State.RecentFacilities.Where(f => units is null || units.Contains(f.ProvinceId)).Take(4).ToList();
    }

    /// <summary>Puts the facility of a record just saved at the head of the person's recent facilities.</summary>
    internal static void Remember(ConversationState state, SupportRecord record)
    {
        if (record.FacilityId is not { } id || record.FacilityName is not { Length: > 0 } name || state.RecentFacilities is null)
        {
            // Unknown yet: the list is read from the records (which include this one) when first needed.
            return;
        }
        state.RecentFacilities.RemoveAll(f => f.Id == id);
        state.RecentFacilities.Insert(0, new RecentFacility { Id = id, Name = name, ProvinceId = record.ProvinceId });
        if (state.RecentFacilities.Count > RecentKept)
        {
            state.RecentFacilities.RemoveRange(RecentKept, state.RecentFacilities.Count - RecentKept);
        }
    }
}
