using KhuyenCongBot.Core.Figures;

namespace KhuyenCongBot.Tests.Memory;

/// <summary>
/// The figures index keeps a record's four funding parts beside its entry only when they are not "the support total under one
/// source" (48-byte entries instead of 80): the parts read back must be the parts put in, through removals that move slots.
/// </summary>
public sealed class IndexEntryPartsTests
{
    [Fact]
    public void Entries_are_48_bytes()
    {
        Assert.Equal(48, System.Runtime.CompilerServices.Unsafe.SizeOf<IndexEntry>());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Parts_read_back_as_put_in_through_adds_and_removals(int seed)
    {
        var r = new Random(seed);
        var bucket = new MonthBucket();
        var expected = new Dictionary<long, (long Funding, long[] Parts, byte Sources)>();
        var nextId = 1L;
        for (var round = 0; round < 30; round++)
        {
            for (var i = 0; i < 40; i++)
            {
                var (funding, parts) = RandomParts(r);
                var sources = (byte)r.Next(0, 16);
                bucket.Add(new IndexEntry { Id = nextId, Funding = funding, Sources = sources, Unit = (ushort)r.Next(0, 5) }, parts[0], parts[1], parts[2], parts[3]);
                expected[nextId++] = (funding, parts, sources);
            }
            foreach (var id in expected.Keys.Where(_ => r.Next(3) == 0).ToList())
            {
                Assert.True(bucket.Remove(id, out var removed));
                Assert.Equal(id, removed.Id);
                expected.Remove(id);
            }
            Check(bucket, expected);
        }
        foreach (var id in expected.Keys.ToList())
        {
            Assert.True(bucket.Remove(id, out _));
            expected.Remove(id);
        }
        Assert.Equal(0, bucket.SplitCount);
        Assert.All(bucket.BySource, s => Assert.Equal(default, s));
    }

    private static (long Funding, long[] Parts) RandomParts(Random r)
    {
        long Amount() => r.NextInt64(1, 900) * 1_000_000;
        var funding = r.Next(4) == 0 ? 0 : Amount();
        var parts = new long[4];
        switch (r.Next(4))
        {
            case 0: // no parts
                break;
            case 1: // the support total under one source (kept in the entry)
                parts[r.Next(4)] = funding;
                break;
            case 2: // one part, not the total (kept beside)
                parts[r.Next(4)] = Amount();
                break;
            default: // any mix (kept beside)
                for (var p = 0; p < 4; p++)
                {
                    parts[p] = r.Next(2) == 0 ? 0 : Amount();
                }
                break;
        }
        return (funding, parts);
    }

    private static void Check(MonthBucket bucket, Dictionary<long, (long Funding, long[] Parts, byte Sources)> expected)
    {
        Assert.Equal(expected.Count, bucket.Count);
        var bySource = new long[FundingSources.Codes];
        foreach (var e in bucket.Items.AsSpan(0, bucket.Count).ToArray())
        {
            var (funding, parts, _) = expected[e.Id];
            Assert.Equal((parts[0], parts[1], parts[2], parts[3]), bucket.PartsOf(e));
            Assert.Equal(funding, bucket.FundingUnder(e, 0));
            for (var c = 0; c < FundingSources.Codes; c++)
            {
                if (e.Under(c))
                {
                    bySource[c] += c == 0 ? funding : parts[c - 1];
                }
            }
        }
        for (var c = 0; c < FundingSources.Codes; c++)
        {
            Assert.Equal(bySource[c], bucket.BySource[c].Funding);
        }
    }
}
