using KhuyenCongBot.Core.People;
using KhuyenCongBot.Core.Records;
using KhuyenCongBot.Tests.Support;

namespace KhuyenCongBot.Tests.Forms;

/// <summary>Shared set-up for the form transcripts: a harness with an officer of Phú Thọ and a few registered facilities.</summary>
internal static class FormTestKit
{
    public static readonly DateOnly Today = new(2026, 11, 26);

    public static BotHarness Create(string? databasePath = null, IDictionary<string, string?>? settings = null)
    {
        // The fake clock stands still, so the flood gate would see every transcript as one burst: it is tested elsewhere.
        var all = new Dictionary<string, string?> { ["Bot:FloodBurst"] = "0" };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }
        return BotHarness.Create(Today, databasePath: databasePath, settings: all);
    }

    /// <summary>An officer of Phú Thọ ("o1") and three facilities of Phú Thọ (one registered under the former Vĩnh Phúc name).</summary>
    public static BotHarness WithOfficer(string user = "o1", string province = "phu-tho")
    {
        var bot = Create();
        bot.AddUser(user, Role.Officer, province);
        AddFacility(bot, "Gốm Phù Lãng", "phu-tho", "xã Phù Lãng");
        AddFacility(bot, "HTX Mây tre đan Phú Thọ", "phu-tho", "xã Tiên Phong");
        AddFacility(bot, "Công ty TNHH Chè Hùng Vương", "phu-tho", "phường Thanh Miếu");
        AddFacility(bot, "Gốm Bát Tràng", "ha-noi", "xã Bát Tràng");
        return bot;
    }

    public static long AddFacility(BotHarness bot, string name, string province, string? commune = null) =>
        bot.Store.Facilities.Add(new Facility
        {
            Name = name,
            NormalizedName = KhuyenCongBot.Core.Text.VnText.FoldWords(name),
            ProvinceId = province,
            Commune = commune,
            CreatedAt = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.FromHours(7)),
        });

    /// <summary>Sends the lines in order as one person and returns the whole transcript.</summary>
    public static async Task<string> Talk(BotHarness bot, string user, params string[] lines)
    {
        var sb = new System.Text.StringBuilder();
        foreach (var line in lines)
        {
            sb.Append("> ").AppendLine(line);
            sb.AppendLine(await bot.Say(line, user));
        }
        return sb.ToString();
    }
}

/// <summary>Answers whatever question the form is at with a valid typed answer, reading the position from the store.</summary>
internal static class FormDriver
{
    public static async Task<string> FillAndSave(BotHarness bot, string user, int maxSteps = 60)
    {
        var sb = new System.Text.StringBuilder();
        for (var i = 0; i < maxSteps; i++)
        {
            if (NextAnswer(bot, user) is not { } answer)
            {
                return sb.ToString();
            }
            sb.Append("> ").AppendLine(answer).AppendLine(await bot.Say(answer, user));
        }
        throw new InvalidOperationException("The form did not finish:\n" + sb);
    }

    /// <summary>A valid answer to the question the person is at; null when no form is active.</summary>
    public static string? NextAnswer(BotHarness bot, string user) => NextAnswer(bot.Services, "terminal:" + user);

    /// <summary>A valid answer for the person with this identity ("telegram:123"), on any channel.</summary>
    public static string? NextAnswer(IServiceProvider services, string identityKey)
    {
        var forms = (KhuyenCongBot.Core.Forms.FormCatalogue)services.GetService(typeof(KhuyenCongBot.Core.Forms.FormCatalogue))!;
        var store = (KhuyenCongBot.Core.Storage.IBotStore)services.GetService(typeof(KhuyenCongBot.Core.Storage.IBotStore))!;
        var u = store.Users.FindByIdentity(identityKey)!;
        var state = store.Conversations.Get(u.Id);
        if (state?.Flow is null)
        {
            return null;
        }
        if (state.Flow != KhuyenCongBot.Core.Forms.FormRunner.FlowName)
        {
            // Another module's exchange (e.g. a figures clarification): leave it.
            return "/huy";
        }
        var s = new KhuyenCongBot.Core.Forms.FormSession(state);
        if (s.Phase == KhuyenCongBot.Core.Forms.FormPhase.Pick)
        {
            return "hội chợ";
        }
        if (s.Phase == KhuyenCongBot.Core.Forms.FormPhase.Draft)
        {
            return "1";
        }
        var form = forms.Get(s.FormId)!;
        var field = form.Fields[s.Step];
        if (s.Phase == KhuyenCongBot.Core.Forms.FormPhase.Ask && s.Get("plq") is { } asked && asked.StartsWith(s.Step.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\n", StringComparison.Ordinal))
        {
            // An amount asked back (120 triệu for 1 trainee is a lot): kept.
            return "có";
        }
        return s.Phase switch
        {
            KhuyenCongBot.Core.Forms.FormPhase.Summary => "lưu",
            KhuyenCongBot.Core.Forms.FormPhase.EditPick => "quay lại",
            KhuyenCongBot.Core.Forms.FormPhase.Facility => "1",
            KhuyenCongBot.Core.Forms.FormPhase.NewFacilityDuplicate => "Vẫn tạo mới",
            KhuyenCongBot.Core.Forms.FormPhase.NewFacilityCommune => "xã Tiên Phong",
            KhuyenCongBot.Core.Forms.FormPhase.NewFacilityCommunePick or KhuyenCongBot.Core.Forms.FormPhase.NewFacilityCommuneConfirm or KhuyenCongBot.Core.Forms.FormPhase.NewFacilityLegal or KhuyenCongBot.Core.Forms.FormPhase.NewFacilityPriority => "1",
            KhuyenCongBot.Core.Forms.FormPhase.NewFacilityTaxId or KhuyenCongBot.Core.Forms.FormPhase.NewFacilityVillage or KhuyenCongBot.Core.Forms.FormPhase.NewFacilityPhone => "bỏ qua",
            _ => field.Kind switch
            {
                KhuyenCongBot.Core.Forms.FieldType.Province => "Phú Thọ",
                KhuyenCongBot.Core.Forms.FieldType.Facility => "Gốm Phù Lãng",
                KhuyenCongBot.Core.Forms.FieldType.Integer => field.Default ?? ((long)(field.Min ?? 1)).ToString(System.Globalization.CultureInfo.InvariantCulture),
                KhuyenCongBot.Core.Forms.FieldType.Money => "120tr",
                KhuyenCongBot.Core.Forms.FieldType.Date => "hôm nay",
                KhuyenCongBot.Core.Forms.FieldType.Choice => "1",
                KhuyenCongBot.Core.Forms.FieldType.Photo => field.IsRequired ? "xong" : "bỏ qua",
                KhuyenCongBot.Core.Forms.FieldType.Location => "21.0285, 105.8542",
                KhuyenCongBot.Core.Forms.FieldType.Project => "bỏ qua",
                _ => field.Example ?? "Nội dung thử nghiệm",
            },
        };
    }
}
