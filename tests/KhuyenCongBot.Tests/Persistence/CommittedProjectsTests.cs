using KhuyenCongBot.Core.Projects;
using KhuyenCongBot.Tests.Reporting;

namespace KhuyenCongBot.Tests.Persistence;

/// <summary>
/// The projects' questions read the committed projects from memory (a scan of every project document took 264 ms at 8.000
/// projects): what they read must be exactly what the file holds after every kind of write.
/// </summary>
public sealed class CommittedProjectsTests : IDisposable
{
    private readonly ProjectWorld _world = new();

    public void Dispose() => _world.Dispose();

    private IReadOnlyList<Project> All => _world.Store.Projects.Find(ProjectFilter.Everything);

    [Fact]
    public void A_project_added_or_moved_after_the_first_question_is_seen_by_the_next()
    {
        _world.Register(ProjectWorld.Draft("KC-2026-01"));
        Assert.Equal(["KC-2026-01"], All.Select(p => p.Code));
        _world.Register(ProjectWorld.Draft("KC-2026-02"));
        Assert.True(_world.Lifecycle.Move(_world.PhuTho, "KC-2026-01", ProjectStatus.InProgress, new DateOnly(2026, 4, 2)).Ok);
        Assert.True(_world.Lifecycle.SetDisbursed(_world.PhuTho, "KC-2026-01", 120_000_000, new DateOnly(2026, 6, 30)).Ok);
        var first = Assert.Single(All, p => p.Code == "KC-2026-01");
        Assert.Equal(ProjectStatus.InProgress, first.Status);
        Assert.Equal(120_000_000, first.DisbursedVnd);
        Assert.Equal(["KC-2026-01", "KC-2026-02"], All.Select(p => p.Code));
        AssertSameAsTheFile();
    }

    [Fact]
    public void A_rolled_back_write_is_never_seen()
    {
        var project = _world.Register(ProjectWorld.Draft("KC-2026-01"));
        Assert.Single(All);
        Assert.Throws<InvalidOperationException>(() => _world.Store.InTransaction<int>(() =>
        {
            project.Name = "Tên chưa lưu";
            _world.Store.Projects.Update(project);
            _world.Store.Projects.Add(ProjectWorld.Draft("KC-2026-09"));
            throw new InvalidOperationException("rollback");
        }));
        Assert.Equal(["KC-2026-01"], All.Select(p => p.Code));
        Assert.NotEqual("Tên chưa lưu", All[0].Name);
        AssertSameAsTheFile();
    }

    [Fact]
    public void Changing_a_project_read_changes_nothing_until_it_is_saved()
    {
        _world.Register(ProjectWorld.Draft("KC-2026-01"));
        var read = All[0];
        read.Name = "Sửa trên bản đọc";
        read.Disbursements.Add(new Disbursement { AmountVnd = 1, AsOf = new DateOnly(2026, 5, 1) });
        Assert.NotEqual("Sửa trên bản đọc", All[0].Name);
        Assert.Empty(All[0].Disbursements);
        _world.Store.Projects.Update(read);
        Assert.Equal("Sửa trên bản đọc", All[0].Name);
        AssertSameAsTheFile();
    }

    [Fact]
    public void Inside_a_transaction_a_question_sees_the_transactions_own_writes()
    {
        _world.Register(ProjectWorld.Draft("KC-2026-01"));
        Assert.Single(All);
        var seen = _world.Store.InTransaction(() =>
        {
            _world.Store.Projects.Add(ProjectWorld.Draft("KC-2026-02"));
            return All.Count;
        });
        Assert.Equal(2, seen);
        Assert.Equal(2, All.Count);
    }

    [Fact]
    public void A_store_opened_again_reads_the_same_projects()
    {
        var path = Path.Combine(Path.GetTempPath(), "kcb-projects-" + Guid.NewGuid().ToString("N") + ".db");
        try
        {
            using (var world = new ProjectWorld(path))
            {
                world.Register(ProjectWorld.Draft("KC-2026-01"));
                Assert.True(world.Lifecycle.Move(world.PhuTho, "KC-2026-01", ProjectStatus.InProgress, new DateOnly(2026, 4, 2)).Ok);
            }
            using var again = new ProjectWorld(path);
            var p = Assert.Single(again.Store.Projects.Find(ProjectFilter.Everything));
            Assert.Equal(ProjectStatus.InProgress, p.Status);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>The projects read from memory, field by field, against each read from the file by id.</summary>
    private void AssertSameAsTheFile()
    {
        foreach (var p in All)
        {
            var stored = _world.Store.Projects.Get(p.Id)!;
            Assert.Equal((stored.Code, stored.Name, stored.Status, stored.DisbursedVnd, stored.StartedOn, stored.History.Count, stored.Disbursements.Count),
                (p.Code, p.Name, p.Status, p.DisbursedVnd, p.StartedOn, p.History.Count, p.Disbursements.Count));
        }
        Assert.Equal(_world.Store.Projects.Count(), All.Count);
    }
}
