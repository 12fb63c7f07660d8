using KhuyenCongBot.Core.Projects;

namespace KhuyenCongBot.Tests.Reporting;

/// <summary>The lifecycle's replies come from seeds/texts (projects.life.*): the Vietnamese as it always read, the English from the same key.</summary>
public sealed class ProjectLifecycleTextsTests
{
    [Fact]
    public void A_refused_and_a_recorded_move_read_the_same_in_Vietnamese_and_in_English_from_the_texts()
    {
        using var world = new ProjectWorld();
        world.Register(ProjectWorld.Draft());
        var skip = world.Lifecycle.Move(world.PhuTho, "KC-2026-07", ProjectStatus.Accepted, new DateOnly(2026, 11, 15));
        Assert.Equal("Đề án KC-2026-07 đang ở bước phê duyệt; cần ghi bước đang thực hiện (với ngày) trước khi nghiệm thu.", skip.Text(false));
        Assert.Equal("Project KC-2026-07 is approved; record in progress (with its date) before accepted.", skip.Text(true));

        Assert.True(world.Lifecycle.Move(world.PhuTho, "KC-2026-07", ProjectStatus.InProgress, new DateOnly(2026, 4, 2)).Ok);
        var accepted = world.Lifecycle.Move(world.PhuTho, "KC-2026-07", ProjectStatus.Accepted, new DateOnly(2026, 11, 15));
        Assert.Equal("Đã ghi: đề án KC-2026-07 nghiệm thu ngày 15/11/2026 (chậm 46 ngày so với kế hoạch 30/09/2026).", accepted.Vi);
        Assert.Equal("Recorded: project KC-2026-07 accepted on 15/11/2026 (46 days later than planned, 30/09/2026).", accepted.En);

        var missing = world.Lifecycle.Move(world.PhuTho, " ", ProjectStatus.Accepted, new DateOnly(2026, 11, 15));
        Assert.Equal("Không tìm thấy đề án mã (trống). Kiểm tra lại mã (ví dụ KC-2026-07).", missing.Vi);
        Assert.DoesNotMatch("[ăâđêôơư]", missing.En);
    }

    [Fact]
    public void A_disbursement_names_its_amount_and_rate_in_each_language()
    {
        using var world = new ProjectWorld();
        world.Register(ProjectWorld.Draft());
        var paid = world.Lifecycle.SetDisbursed(world.PhuTho, "KC-2026-07", 120_000_000, new DateOnly(2026, 6, 30));
        Assert.True(paid.Ok, paid.Vi);
        Assert.Equal("Đã ghi: đề án KC-2026-07 giải ngân 120.000.000 đồng đến ngày 30/06/2026, đạt 30% kinh phí khuyến công được duyệt.", paid.Vi);
        Assert.Equal("Recorded: project KC-2026-07 disbursed 120,000,000 VND as of 30/06/2026, 30% of the approved support.", paid.En);
    }
}
