using KhuyenCongBot.Core.Attachments;
using KhuyenCongBot.Storage;

namespace KhuyenCongBot.Tests.Reporting;

/// <summary>Evidence files in the bot's LiteDB file (file storage): put, get, list by record, size and kind checked, all or nothing.</summary>
public sealed class AttachmentStoreTests : IDisposable
{
    private static readonly DateTimeOffset At = new(2026, 11, 26, 9, 0, 0, TimeSpan.FromHours(7));
    private readonly string _path = Path.Combine(Path.GetTempPath(), "kcb-files-" + Guid.NewGuid().ToString("N") + ".db");

    public void Dispose()
    {
        foreach (var file in new[] { _path, _path.Replace(".db", "-log.db") })
        {
            File.Delete(file);
        }
    }

    /// <summary>Bytes that start like a JPEG photo, then a deterministic pattern.</summary>
    internal static byte[] Jpeg(int length)
    {
        var bytes = new byte[length];
        for (var i = 0; i < length; i++)
        {
            bytes[i] = (byte)(i * 31 % 251);
        }
        bytes[0] = 0xFF;
        bytes[1] = 0xD8;
        bytes[2] = 0xFF;
        return bytes;
    }

    private static byte[] Png() => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3, 4];

    private static byte[] Pdf() => "%PDF-1.7\nbiên bản nghiệm thu"u8.ToArray();

    [Fact]
    public void A_photo_is_stored_with_its_record_listed_and_read_back_after_a_restart()
    {
        var photo = Jpeg(700_000);
        string id;
        using (var store = new LiteDbStore(_path))
        {
            var info = store.Attachments.Put(12, "IMG_0001.jpg", "image/jpeg", new MemoryStream(photo), 5, At);
            id = info.Id;
            Assert.Equal((12L, "IMG_0001.jpg", "image/jpeg", 700_000L, 5L, At), (info.RecordId, info.FileName, info.ContentType, info.Length, info.UploadedByUserId, info.UploadedAt));
            store.Attachments.Put(12, "bienban.pdf", "application/pdf", new MemoryStream(Pdf()), 5, At.AddMinutes(1));
            store.Attachments.Put(1, "khac.png", null, new MemoryStream(Png()), 6, At);
        }
        using (var store = new LiteDbStore(_path))
        {
            Assert.Equal(["IMG_0001.jpg", "bienban.pdf"], store.Attachments.ForRecord(12).Select(f => f.FileName));
            Assert.Equal(["image/png"], store.Attachments.ForRecord(1).Select(f => f.ContentType));
            Assert.Empty(store.Attachments.ForRecord(2));
            Assert.Equal(At, store.Attachments.Info(id)!.UploadedAt);
            using var copy = new MemoryStream();
            Assert.True(store.Attachments.CopyTo(id, copy));
            Assert.Equal(photo, copy.ToArray());
            Assert.False(store.Attachments.CopyTo("record/12/none", new MemoryStream()));
            Assert.Null(store.Attachments.Info("record/12/none"));
        }
    }

    [Fact]
    public void A_file_above_the_limit_is_refused_and_leaves_nothing()
    {
        using var store = new LiteDbStore(_path);
        var max = store.Attachments.MaxBytes;
        var ex = Assert.Throws<AttachmentRejectedException>(() => store.Attachments.Put(3, "big.jpg", "image/jpeg", new MemoryStream(Jpeg((int)max + 1)), 5, At));
        Assert.Contains("10 MB", ex.Say(Support.TestTexts.Seeds, english: false));
        Assert.Contains("10 MB", ex.Say(Support.TestTexts.Seeds, english: true));
        Assert.Empty(store.Attachments.ForRecord(3));
        Assert.Equal(0, store.Database.GetCollection(AttachmentStore.ChunksCollection).Count());
        // Exactly the limit is fine.
        Assert.Equal(max, store.Attachments.Put(3, "max.jpg", "image/jpeg", new MemoryStream(Jpeg((int)max)), 5, At).Length);
    }

    [Theory]
    [InlineData("image/jpeg", new byte[] { 1, 2, 3, 4, 5 }, "Chỉ lưu được ảnh")]
    [InlineData("application/pdf", new byte[] { 0xFF, 0xD8, 0xFF, 0xE0 }, "nội dung là image/jpeg")]
    [InlineData("text/html", new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31 }, "nội dung là application/pdf")]
    [InlineData("image/jpeg", new byte[0], "rỗng")]
    public void Files_that_are_not_photos_or_pdf_or_not_what_they_say_are_refused(string contentType, byte[] bytes, string reason)
    {
        using var store = new LiteDbStore(":memory:");
        var ex = Assert.Throws<AttachmentRejectedException>(() => store.Attachments.Put(4, "x", contentType, new MemoryStream(bytes), 5, At));
        Assert.Contains(reason, ex.Say(Support.TestTexts.Seeds, english: false));
        Assert.Empty(store.Attachments.ForRecord(4));
    }

    [Theory]
    [InlineData("image/JPG; q=1", "image/jpeg")]
    [InlineData("image/pjpeg", "image/jpeg")]
    [InlineData("", "image/jpeg")]
    public void Declared_types_are_read_loosely_and_the_bytes_decide(string declared, string stored)
    {
        using var store = new LiteDbStore(":memory:");
        Assert.Equal(stored, store.Attachments.Put(4, "a.jpg", declared, new MemoryStream(Jpeg(100)), 5, At).ContentType);
    }

    [Fact]
    public void A_stream_that_breaks_half_way_stores_nothing()
    {
        using var store = new LiteDbStore(":memory:");
        Assert.Throws<IOException>(() => store.Attachments.Put(8, "a.jpg", "image/jpeg", new BreakingStream(Jpeg(500_000), 300_000), 5, At));
        Assert.Empty(store.Attachments.ForRecord(8));
        Assert.Equal(0, store.Database.GetCollection(AttachmentStore.ChunksCollection).Count());
    }

    [Fact]
    public void File_names_lose_their_folders_and_an_empty_name_gets_one_from_the_type()
    {
        using var store = new LiteDbStore(":memory:");
        Assert.Equal("a.jpg", store.Attachments.Put(4, "..\\..\\Windows\\a.jpg", "image/jpeg", new MemoryStream(Jpeg(10)), 5, At).FileName);
        Assert.Equal("b.pdf", store.Attachments.Put(4, "/etc/b.pdf", null, new MemoryStream(Pdf()), 5, At).FileName);
        Assert.Equal("tep.png", store.Attachments.Put(4, "  ", null, new MemoryStream(Png()), 5, At).FileName);
    }

    [Fact]
    public void Files_are_deleted_one_by_one_or_by_record()
    {
        using var store = new LiteDbStore(":memory:");
        var first = store.Attachments.Put(9, "1.jpg", null, new MemoryStream(Jpeg(300_000)), 5, At);
        store.Attachments.Put(9, "2.jpg", null, new MemoryStream(Jpeg(10)), 5, At.AddSeconds(1));
        store.Attachments.Put(90, "other.jpg", null, new MemoryStream(Jpeg(10)), 5, At);
        Assert.True(store.Attachments.Delete(first.Id));
        Assert.False(store.Attachments.Delete(first.Id));
        Assert.Equal(["2.jpg"], store.Attachments.ForRecord(9).Select(f => f.FileName));
        Assert.Equal(1, store.Attachments.DeleteForRecord(9));
        Assert.Empty(store.Attachments.ForRecord(9));
        Assert.Single(store.Attachments.ForRecord(90));
    }

    [Theory]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xDB }, AttachmentTypes.Jpeg)]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, AttachmentTypes.Png)]
    [InlineData(new byte[] { 0x52, 0x49, 0x46, 0x46, 0, 0, 0, 0, 0x57, 0x45, 0x42, 0x50 }, AttachmentTypes.Webp)]
    [InlineData(new byte[] { 0, 0, 0, 0x18, 0x66, 0x74, 0x79, 0x70, 0x68, 0x65, 0x69, 0x63 }, AttachmentTypes.Heic)]
    [InlineData(new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D }, AttachmentTypes.Pdf)]
    [InlineData(new byte[] { 0x52, 0x49, 0x46, 0x46, 0, 0, 0, 0, 0x57, 0x41, 0x56, 0x45 }, null)]
    [InlineData(new byte[] { 0x4D, 0x5A }, null)]
    [InlineData(new byte[0], null)]
    public void Kinds_are_recognised_by_their_first_bytes(byte[] head, string? kind)
    {
        Assert.Equal(kind, AttachmentTypes.Sniff(head));
    }

    /// <summary>Gives its bytes, then fails (a download cut off).</summary>
    private sealed class BreakingStream(byte[] bytes, int breakAt) : MemoryStream(bytes)
    {
        public override int Read(byte[] buffer, int offset, int count)
        {
            if (Position >= breakAt)
            {
                throw new IOException("connection reset");
            }
            return base.Read(buffer, offset, (int)Math.Min(count, breakAt - Position));
        }
    }
}
