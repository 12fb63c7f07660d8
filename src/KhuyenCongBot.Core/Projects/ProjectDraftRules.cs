using KhuyenCongBot.Core.Catalogue;
using KhuyenCongBot.Core.Funding;
using KhuyenCongBot.Core.People;
using KhuyenCongBot.Core.Storage;
using KhuyenCongBot.Core.Text;
using KhuyenCongBot.Core.Time;

namespace KhuyenCongBot.Core.Projects;

/// <summary>The checks of a project before it is registered: code, name, decision, province, activity, programme and type, facilities, budget.</summary>
public sealed class ProjectDraftRules(IBotStore store, BotClock clock, CatalogueIndex catalogue)
{
    /// <summary>What is wrong with a draft project, in Vietnamese and English (empty when nothing).</summary>
    public List<(string Vi, string En)> Problems(Project draft)
    {
        var problems = new List<(string, string)>();
        if (ProjectCode.Problem(draft.Code) is { } codeProblem)
        {
            problems.Add(codeProblem);
        }
        var name = draft.Name?.Trim() ?? "";
        if (name.Length < 3 || name.Length > ProjectLifecycle.MaxNameLength)
        {
            problems.Add(($"Tên đề án dài 3 đến {ProjectLifecycle.MaxNameLength} ký tự.", $"The project name has 3 to {ProjectLifecycle.MaxNameLength} characters."));
        }
        if (string.IsNullOrWhiteSpace(draft.DecisionNumber) || draft.DecisionNumber.Trim().Length > 100)
        {
            problems.Add(("Thiếu số quyết định phê duyệt (ví dụ 123/QĐ-SCT).", "The approving decision's number is missing."));
        }
        var today = clock.Today;
        if (draft.DecisionDate < ProjectLifecycle.MinDate || draft.DecisionDate > today)
        {
            problems.Add(($"Ngày quyết định {VnFormat.Date(draft.DecisionDate)} không hợp lệ (từ {VnFormat.Date(ProjectLifecycle.MinDate)} đến hôm nay).",
                $"Decision date {VnFormat.Date(draft.DecisionDate)} is not valid."));
        }
        if (catalogue.Province(draft.ProvinceId) is null)
        {
            problems.Add(($"Không có tỉnh/thành \"{draft.ProvinceId}\".", $"Unknown province \"{draft.ProvinceId}\"."));
        }
        if (catalogue.Activity(draft.ActivityId) is null)
        {
            problems.Add(($"Không có hoạt động \"{draft.ActivityId}\".", $"Unknown activity \"{draft.ActivityId}\"."));
        }
        if (!Enum.IsDefined(draft.Programme) || !Enum.IsDefined(draft.Type))
        {
            problems.Add(("Chương trình hoặc loại đề án không hợp lệ.", "Unknown programme or project type."));
        }
        else if (draft.Programme == ProjectProgramme.National && draft.Type == ProjectType.Local)
        {
            problems.Add(("Đề án khuyến công quốc gia là đề án điểm hoặc đề án nhóm, không phải đề án địa phương.",
                "A national project is a single-facility or a group project, not a local one."));
        }
        else if (draft.Programme == ProjectProgramme.Local && draft.Type != ProjectType.Local)
        {
            problems.Add(("Đề án điểm và đề án nhóm là loại của khuyến công quốc gia; đề án khuyến công địa phương là đề án địa phương.",
                "Single-facility and group projects belong to the national programme; a local project is of the local type."));
        }
        if (draft.PlannedStart is { } start && draft.PlannedEnd is { } end && end < start)
        {
            problems.Add(($"Ngày kết thúc dự kiến {VnFormat.Date(end)} trước ngày bắt đầu {VnFormat.Date(start)}.", "The planned end is before the planned start."));
        }
        if (draft.Type == ProjectType.Single && draft.FacilityIds.Distinct().Count() > 1)
        {
            problems.Add(("Đề án điểm hỗ trợ một cơ sở; đề án hỗ trợ nhiều cơ sở là đề án nhóm.", "A single-facility project supports one facility."));
        }
        var unknown = draft.FacilityIds.Distinct().Where(id => store.Facilities.Get(id) is null).ToList();
        if (unknown.Count > 0)
        {
            problems.Add(($"Không có cơ sở số {string.Join(", ", unknown)}.", $"No facility {string.Join(", ", unknown)}."));
        }
        if (!FundingSplit.IsValidPart(draft.DisbursedVnd))
        {
            problems.Add(("Số tiền giải ngân không hợp lệ.", "The amount disbursed is not valid."));
        }
        if (draft.Approved.IsZero)
        {
            problems.Add(("Thiếu kinh phí được duyệt (KCQG, KCĐP, đối ứng, nguồn khác).", "The approved budget is missing."));
        }
        return problems;
    }
}
