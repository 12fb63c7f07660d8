using System.Text;
using KhuyenCongBot.Core.Conversations;
using KhuyenCongBot.Core.Messaging;

namespace KhuyenCongBot.Storage;

/// <summary>Writes a conversation state as one compact byte array and reads it back (the form the store keeps and logs).</summary>
/// <remarks>
/// A state is saved with every message. Kept in memory as a BsonDocument and an object graph, the latest state of each
/// person lived just long enough to be promoted by the garbage collector and die in an older generation: under load the
/// process spent a third of its time in collections. One array per person has no references to trace and costs no
/// reflection to write. The first byte is the format's version; a state of another version is not read (an exception).
/// </remarks>
internal static class ConversationStateCodec
{
    private const byte Version = 1;

    [ThreadStatic]
    private static MemoryStream? t_buffer;

    /// <summary>The state as bytes (a new array; the state is not kept).</summary>
    public static byte[] Encode(ConversationState state)
    {
        var buffer = t_buffer ??= new MemoryStream(1024);
        buffer.SetLength(0);
        using (var w = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            w.Write(Version);
            w.Write(state.Id);
            WriteString(w, state.Flow);
            w.Write(state.Step);
            w.Write(state.Data.Count);
            foreach (var (key, value) in state.Data)
            {
                w.Write(key);
                w.Write(value);
            }
            WriteChoices(w, state.LastChoices);
            WriteString(w, state.LastPrompt);
            WriteString(w, state.LastChannel);
            WriteString(w, state.LastChatId);
            WriteTime(w, state.UpdatedAt);
            w.Write(state.RemindedAt.HasValue);
            if (state.RemindedAt is { } reminded)
            {
                WriteTime(w, reminded);
            }
            w.Write(state.RecentFacilities?.Count ?? -1);
            foreach (var f in state.RecentFacilities ?? [])
            {
                w.Write(f.Id);
                w.Write(f.Name);
                w.Write(f.ProvinceId);
            }
            WriteString(w, state.LastUpdateKey);
            w.Write(state.LastReplies?.Count ?? -1);
            foreach (var r in state.LastReplies ?? [])
            {
                w.Write(r.Text);
                WriteChoices(w, r.Choices);
                w.Write(r.IsPrompt);
            }
        }
        var bytes = buffer.ToArray();
        if (buffer.Capacity > 64 * 1024)
        {
            t_buffer = null; // an unusually large state: do not keep its buffer for the life of the thread
        }
        return bytes;
    }

    /// <summary>A new state read from <paramref name="bytes"/> (nothing shared with other states).</summary>
    public static ConversationState Decode(byte[] bytes)
    {
        using var r = new BinaryReader(new MemoryStream(bytes, writable: false), Encoding.UTF8);
        var version = r.ReadByte();
        if (version != Version)
        {
            throw new InvalidDataException($"Conversation state format {version} is not known (expected {Version}).");
        }
        var state = new ConversationState { Id = r.ReadInt64(), Flow = ReadString(r), Step = r.ReadInt32() };
        var data = r.ReadInt32();
        for (var i = 0; i < data; i++)
        {
            state.Data[r.ReadString()] = r.ReadString();
        }
        state.LastChoices = ReadChoices(r);
        state.LastPrompt = ReadString(r);
        state.LastChannel = ReadString(r);
        state.LastChatId = ReadString(r);
        state.UpdatedAt = ReadTime(r);
        state.RemindedAt = r.ReadBoolean() ? ReadTime(r) : null;
        var facilities = r.ReadInt32();
        if (facilities >= 0)
        {
            state.RecentFacilities = new List<RecentFacility>(facilities);
            for (var i = 0; i < facilities; i++)
            {
                state.RecentFacilities.Add(new RecentFacility { Id = r.ReadInt64(), Name = r.ReadString(), ProvinceId = r.ReadString() });
            }
        }
        state.LastUpdateKey = ReadString(r);
        var replies = r.ReadInt32();
        if (replies >= 0)
        {
            state.LastReplies = new List<StoredReply>(replies);
            for (var i = 0; i < replies; i++)
            {
                state.LastReplies.Add(new StoredReply { Text = r.ReadString(), Choices = ReadChoices(r), IsPrompt = r.ReadBoolean() });
            }
        }
        return state;
    }

    /// <summary>The person a state in bytes belongs to, without reading the rest.</summary>
    public static long IdOf(byte[] bytes) => BitConverter.ToInt64(bytes, 1);

    /// <summary>The active flow of a state in bytes, without reading the rest.</summary>
    public static string? FlowOf(byte[] bytes)
    {
        using var r = new BinaryReader(new MemoryStream(bytes, 9, bytes.Length - 9, writable: false), Encoding.UTF8);
        return ReadString(r);
    }

    private static void WriteString(BinaryWriter w, string? value)
    {
        w.Write(value is not null);
        if (value is not null)
        {
            w.Write(value);
        }
    }

    private static string? ReadString(BinaryReader r) => r.ReadBoolean() ? r.ReadString() : null;

    private static void WriteChoices(BinaryWriter w, List<Choice> choices)
    {
        w.Write(choices.Count);
        foreach (var c in choices)
        {
            w.Write(c.Label);
            w.Write(c.Data);
            w.Write(c.Numbered);
        }
    }

    private static List<Choice> ReadChoices(BinaryReader r)
    {
        var count = r.ReadInt32();
        var choices = new List<Choice>(count);
        for (var i = 0; i < count; i++)
        {
            choices.Add(new Choice(r.ReadString(), r.ReadString(), r.ReadBoolean()));
        }
        return choices;
    }

    private static void WriteTime(BinaryWriter w, DateTimeOffset time)
    {
        w.Write(time.Ticks);
        w.Write((short)time.Offset.TotalMinutes);
    }

    private static DateTimeOffset ReadTime(BinaryReader r)
    {
        var ticks = r.ReadInt64();
        return new DateTimeOffset(ticks, TimeSpan.FromMinutes(r.ReadInt16()));
    }
}
