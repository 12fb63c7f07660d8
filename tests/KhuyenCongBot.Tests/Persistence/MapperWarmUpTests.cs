using KhuyenCongBot.Core.Conversations;
using KhuyenCongBot.Core.Messaging;
using KhuyenCongBot.Core.People;
using KhuyenCongBot.Storage;

namespace KhuyenCongBot.Tests.Persistence;

/// <summary>LiteDB builds a type's map on first use and shows it half built to other threads: the store's mapper is warmed up when created.</summary>
public sealed class MapperWarmUpTests
{
    [Fact]
    public void Many_threads_mapping_at_once_on_a_new_store_mapper_all_succeed()
    {
        var failures = 0;
        for (var round = 0; round < 100; round++)
        {
            var mapper = LiteDbStore.CreateMapper();
            // Documents made by another mapper, so this one has mapped nothing yet but what CreateMapper did.
            var source = LiteDbStore.CreateMapper();
            var state = source.ToDocument(new ConversationState
            {
                Id = 1,
                Flow = "form",
                LastChoices = [new Choice("Một", "1"), new Choice("Hai", "2", false)],
                LastReplies = [new StoredReply { Text = "t", Choices = [new Choice("Ba", "3")] }],
                RecentFacilities = [new RecentFacility { Id = 2, Name = "Cơ sở", ProvinceId = "bac-ninh" }],
            });
            var user = source.ToDocument(new BotUser { Id = 3, Identities = ["telegram:3"], Chats = new() { ["telegram"] = "3" } });
            using var start = new Barrier(8);
            var threads = Enumerable.Range(0, 8).Select(i => new Thread(() =>
            {
                start.SignalAndWait();
                try
                {
                    var s = mapper.ToObject<ConversationState>(state);
                    var u = mapper.ToObject<BotUser>(user);
                    if (s.LastChoices.Count != 2 || s.LastReplies?[0].Choices.Count != 1 || u.Identities.Count != 1)
                    {
                        Interlocked.Increment(ref failures);
                    }
                }
                catch (Exception)
                {
                    Interlocked.Increment(ref failures);
                }
            })).ToList();
            threads.ForEach(t => t.Start());
            threads.ForEach(t => t.Join());
        }
        Assert.Equal(0, failures);
    }
}
