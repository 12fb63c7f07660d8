using System.IO.Compression;
using KhuyenCongBot.Core.Funding;
using KhuyenCongBot.Core.Projects;
using KhuyenCongBot.Core.Records;
using KhuyenCongBot.Storage;

namespace KhuyenCongBot.Tests.Reporting;

/// <summary>
/// A database written by the code before projects, communes and attachments existed (main at f47dff9, see Fixtures/README.md)
/// opens with this store, keeps everything, and takes the new data.
/// </summary>
public sealed partial class UpgradeFromMainTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "kcb-upgrade-" + Guid.NewGuid().ToString("N"));

    public UpgradeFromMainTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>Unpacks the fixture written by main into a fresh temp file.</summary>
    private string OldDatabase()
    {
        var fixture = Path.Combine(SourceFolder(), "Fixtures", "main-f47dff9.db.gz");
        Assert.True(File.Exists(fixture), fixture);
        var path = Path.Combine(_folder, "khuyencong.db");
        using var source = new GZipStream(File.OpenRead(fixture), CompressionMode.Decompress);
        using var target = File.Create(path);
        source.CopyTo(target);
        return path;
    }

    /// <summary>This file's folder in the checkout (the fixture is read from the sources, not copied to the output).</summary>
    private static string SourceFolder([System.Runtime.CompilerServices.CallerFilePath] string file = "") => Path.GetDirectoryName(file)!;

    [Fact]
    public void Everything_the_old_code_saved_is_read_back_unchanged()
    {
        var path = OldDatabase();
        Assert.Equal(4, Backups.Verify(path));
        using var store = new LiteDbStore(path);

        var records = store.Records.All().OrderBy(r => r.Id).ToList();
        Assert.Equal(4, records.Count);
        Assert.Equal(["trade_fair", "machinery", "consulting", "trade_fair"], records.Select(r => r.ActivityId));
        Assert.Equal(["vinh-phuc", "bac-giang", "phu-tho", "phu-tho"], records.Select(r => r.ProvinceId));
        var logged = records[3];
        Assert.Equal((6, 45_000_000L, "KCDP", "form"), (logged.Booths, logged.FundingVnd, logged.FundingSource, logged.Source));
        Assert.Equal(new DateOnly(2026, 11, 25), logged.Date);
        Assert.Equal(120_000_000, records[2].RevenueVnd);
        Assert.Equal(RecordStatus.Estimate, records[1].Status);

        var facilities = store.Facilities.All().OrderBy(f => f.Id).ToList();
        Assert.Equal(["Gốm Hương Canh", "HTX Mây tre Tăng Tiến"], facilities.Select(f => f.Name));
        Assert.Equal("Hương Canh", facilities[0].Commune);
        Assert.All(facilities, f =>
        {
            // Never checked against the 2025 list: no code, and not marked "not in the list" either.
            Assert.Null(f.CommuneCode);
            Assert.False(f.CommuneNotInList);
            Assert.Null(f.LegalForm);
            Assert.Null(f.TaxId);
            Assert.Null(f.PriorityGroups);
        });
        Assert.Equal(facilities[0].Id, logged.FacilityId);
        Assert.Equal(facilities[0].Id, Assert.Single(store.Facilities.Search(["phu-tho"], "gom huong canh", 5, 0.6)).Facility.Id);

        var plan = Assert.Single(store.Plans.ForYear(2024));
        Assert.Equal((150m, "trade_fair.booths"), (plan.Target, plan.Metric));
        var audit = Assert.Single(store.Audit.ForEntity("plan", plan.Id));
        Assert.Equal("update", audit.Action);

        var officer = store.Users.FindByIdentity("terminal:501");
        Assert.NotNull(officer);
        Assert.Equal("phu-tho", officer.ScopeId);
        // The form left half-filled by that officer is still there to resume.
        var draft = store.Conversations.Get(officer.Id);
        Assert.NotNull(draft);
        Assert.Equal("form", draft.Flow);
        Assert.Contains(draft.Data.Values, v => v.Contains("Làng nghề mộc Thanh Lãng"));
        Assert.NotNull(store.Invitations.Get("PDR22RDB"));

        Assert.Equal(0, store.Projects.Count());
        Assert.Empty(store.Attachments.ForRecord(logged.Id));
    }

    [Fact]
    public void The_upgraded_file_takes_projects_communes_beneficiaries_and_attachments_and_keeps_them_across_a_restart()
    {
        var path = OldDatabase();
        long projectId, facilityId, recordId;
        string attachmentId;
        using (var world = new ProjectWorld(path))
        {
            recordId = world.Store.Records.All().Max(r => r.Id);
            facilityId = world.Store.Facilities.Add(new Facility
            {
                Name = "HTX gốm Bát Tràng", ProvinceId = "ha-noi", Commune = "Bát Tràng", CommuneCode = "00577",
                LegalForm = "cooperative", TaxId = "0100109106", PriorityGroups = ["women_owned"],
            });
            world.Store.Facilities.Add(new Facility { Name = "Lò gốm cũ", ProvinceId = "phu-tho", Commune = "Hương Canh", CommuneNotInList = true });
            var draft = ProjectWorld.Draft();
            projectId = world.Register(draft).Id;
            Assert.True(world.Lifecycle.Move(world.PhuTho, "KC-2026-07", ProjectStatus.InProgress, new DateOnly(2026, 4, 2)).Ok);
            attachmentId = world.Store.Attachments.Put(recordId, "anh.jpg", "image/jpeg", new MemoryStream(AttachmentStoreTests.Jpeg(1000)), world.PhuTho.Id, world.Clock.Now).Id;
        }
        Assert.Equal(4, Backups.Verify(path));
        using var reopened = new LiteDbStore(path);
        Assert.Equal(4, reopened.Records.Count());
        var facility = reopened.Facilities.Get(facilityId)!;
        Assert.Equal(("00577", "cooperative", "0100109106"), (facility.CommuneCode, facility.LegalForm, facility.TaxId));
        Assert.Equal(["women_owned"], facility.PriorityGroups);
        Assert.True(reopened.Facilities.FindByName("phu-tho", "lo gom cu")!.CommuneNotInList);
        var project = reopened.Projects.Get(projectId)!;
        Assert.Equal((ProjectStatus.InProgress, new DateOnly(2026, 4, 2)), (project.Status, project.StartedOn!.Value));
        Assert.Equal(new FundingSplit(300_000_000, 100_000_000, 150_000_000, 0), project.Approved);
        Assert.Equal(new DateOnly(2026, 9, 30), project.PlannedEnd);
        Assert.Null(project.AcceptedOn);
        Assert.Equal(2, project.History.Count);
        Assert.Equal(1000, Assert.Single(reopened.Attachments.ForRecord(recordId)).Length);
        using var copy = new MemoryStream();
        Assert.True(reopened.Attachments.CopyTo(attachmentId, copy));
        Assert.Equal(AttachmentStoreTests.Jpeg(1000), copy.ToArray());
    }

    [Fact]
    public void A_project_round_trips_every_field_through_a_file()
    {
        var path = Path.Combine(_folder, "fresh.db");
        var original = ProjectWorld.Draft();
        original.Code = "KCĐP-2026-03";
        original.Programme = ProjectProgramme.Local;
        original.Type = ProjectType.Local;
        original.Approved = new FundingSplit(1, FundingSplit.MaxPart, 3, 4);
        original.DisbursedVnd = 5;
        original.Disbursements = [new Disbursement { AmountVnd = 5, AsOf = new DateOnly(2026, 5, 1), UserId = 2, At = new DateTimeOffset(2026, 5, 1, 8, 0, 0, TimeSpan.FromHours(7)) }];
        original.FacilityIds = [7, 9];
        original.Status = ProjectStatus.Accepted;
        original.StartedOn = new DateOnly(2026, 4, 1);
        original.AcceptedOn = new DateOnly(2026, 10, 1);
        original.PlannedStart = null;
        original.History = [new ProjectMove { From = null, To = ProjectStatus.Approved, Date = new DateOnly(2026, 3, 10), UserId = 2, At = new DateTimeOffset(2026, 3, 10, 9, 0, 0, TimeSpan.FromHours(7)) },
            new ProjectMove { From = ProjectStatus.Accepted, To = ProjectStatus.InProgress, Correction = true, Note = "nhầm", UserId = 1 }];
        original.CreatedAt = new DateTimeOffset(2026, 3, 10, 9, 0, 0, TimeSpan.FromHours(7));
        long id;
        using (var store = new LiteDbStore(path))
        {
            id = store.Projects.Add(original);
        }
        using (var store = new LiteDbStore(path))
        {
            var read = store.Projects.FindByCode("kcdp 2026 03")!;
            Assert.Equal(id, read.Id);
            Assert.Equal(("KCĐP-2026-03", "KCDP-2026-03"), (read.Code, read.NormalizedCode));
            Assert.Equal((ProjectProgramme.Local, ProjectType.Local, ProjectStatus.Accepted), (read.Programme, read.Type, read.Status));
            Assert.Equal(original.Approved, read.Approved);
            Assert.Equal((null, (DateOnly?)new DateOnly(2026, 9, 30)), (read.PlannedStart, read.PlannedEnd));
            Assert.Equal((original.StartedOn, original.AcceptedOn, (DateOnly?)null), (read.StartedOn, read.AcceptedOn, read.SettledOn));
            Assert.Equal([7L, 9L], read.FacilityIds);
            Assert.Equal(original.History.Select(h => (h.From, h.To, h.Date, h.UserId, h.At, h.Correction, h.Note)),
                read.History.Select(h => (h.From, h.To, h.Date, h.UserId, h.At, h.Correction, h.Note)));
            Assert.Equal(original.Disbursements.Select(d => (d.AmountVnd, d.AsOf, d.UserId, d.At)), read.Disbursements.Select(d => (d.AmountVnd, d.AsOf, d.UserId, d.At)));
            Assert.Equal(original.CreatedAt, read.CreatedAt);
            Assert.Equal([id], store.Projects.ForFacility(9).Select(p => p.Id));
        }
    }
}
