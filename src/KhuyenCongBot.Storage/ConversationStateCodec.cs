using System.Buffers;
using System.Buffers.Binary;
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
    private static ArrayBufferWriter<byte>? t_buffer;

    /// <summary>The state as bytes (a new array; the state is not kept).</summary>
    public static byte[] Encode(ConversationState state)
    {
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(1024);
        buffer.ResetWrittenCount();
        var w = new Writer(buffer);
        w.Byte(Version);
        w.Long(state.Id);
        w.NullableString(state.Flow);
        w.Int(state.Step);
        w.Int(state.Data.Count);
        foreach (var (key, value) in state.Data)
        {
            w.String(key);
            w.String(value);
        }
        WriteChoices(ref w, state.LastChoices);
        w.NullableString(state.LastPrompt);
        w.NullableString(state.LastChannel);
        w.NullableString(state.LastChatId);
        w.Time(state.UpdatedAt);
        w.Bool(state.RemindedAt.HasValue);
        if (state.RemindedAt is { } reminded)
        {
            w.Time(reminded);
        }
        w.Int(state.RecentFacilities?.Count ?? -1);
        foreach (var f in state.RecentFacilities ?? [])
        {
            w.Long(f.Id);
            w.String(f.Name);
            w.String(f.ProvinceId);
        }
        w.NullableString(state.LastUpdateKey);
        w.Int(state.LastReplies?.Count ?? -1);
        foreach (var r in state.LastReplies ?? [])
        {
            w.String(r.Text);
            WriteChoices(ref w, r.Choices);
            w.Bool(r.IsPrompt);
        }
        var bytes = buffer.WrittenSpan.ToArray();
        if (buffer.Capacity > 64 * 1024)
        {
            t_buffer = null; // an unusually large state: do not keep its buffer for the life of the thread
        }
        return bytes;
    }

    /// <summary>A new state read from <paramref name="bytes"/> (nothing shared with other states).</summary>
    public static ConversationState Decode(byte[] bytes)
    {
        var r = new Reader(bytes);
        var version = r.Byte();
        if (version != Version)
        {
            throw new InvalidDataException($"Conversation state format {version} is not known (expected {Version}).");
        }
        var state = new ConversationState { Id = r.Long(), Flow = r.NullableString(), Step = r.Int() };
        var data = r.Int();
        for (var i = 0; i < data; i++)
        {
            state.Data[r.String()] = r.String();
        }
        state.LastChoices = ReadChoices(ref r);
        state.LastPrompt = r.NullableString();
        state.LastChannel = r.NullableString();
        state.LastChatId = r.NullableString();
        state.UpdatedAt = r.Time();
        state.RemindedAt = r.Bool() ? r.Time() : null;
        var facilities = r.Int();
        if (facilities >= 0)
        {
            state.RecentFacilities = new List<RecentFacility>(facilities);
            for (var i = 0; i < facilities; i++)
            {
                state.RecentFacilities.Add(new RecentFacility { Id = r.Long(), Name = r.String(), ProvinceId = r.String() });
            }
        }
        state.LastUpdateKey = r.NullableString();
        // The last section. Every message replaces the replies, and only an update delivered again reads them: read on demand.
        var at = r.Position;
        state.DeferLastReplies(() => ReadReplies(bytes, at));
        return state;
    }

    private static List<StoredReply>? ReadReplies(byte[] bytes, int at)
    {
        try
        {
            return ReadRepliesAt(bytes, at);
        }
        catch (Exception ex) when (ex is ArgumentException or IndexOutOfRangeException)
        {
            return null; // damaged: there is nothing to send again
        }
    }

    private static List<StoredReply>? ReadRepliesAt(byte[] bytes, int at)
    {
        var r = new Reader(bytes) { Position = at };
        var count = r.Int();
        if (count < 0)
        {
            return null;
        }
        var replies = new List<StoredReply>(count);
        for (var i = 0; i < count; i++)
        {
            replies.Add(new StoredReply { Text = r.String(), Choices = ReadChoices(ref r), IsPrompt = r.Bool() });
        }
        return replies;
    }

    /// <summary>The person a state in bytes belongs to, without reading the rest.</summary>
    public static long IdOf(byte[] bytes) => BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(1));

    /// <summary>The active flow of a state in bytes, without reading the rest.</summary>
    public static string? FlowOf(byte[] bytes)
    {
        var r = new Reader(bytes);
        r.Byte();
        r.Long();
        return r.NullableString();
    }

    private static void WriteChoices(ref Writer w, List<Choice> choices)
    {
        w.Int(choices.Count);
        foreach (var c in choices)
        {
            w.String(c.Label);
            w.String(c.Data);
            w.Bool(c.Numbered);
        }
    }

    private static List<Choice> ReadChoices(ref Reader r)
    {
        var count = r.Int();
        var choices = new List<Choice>(count);
        for (var i = 0; i < count; i++)
        {
            choices.Add(new Choice(r.String(), r.String(), r.Bool()));
        }
        return choices;
    }

    /// <summary>Little-endian numbers and length-prefixed UTF-8 strings into a buffer, allocating nothing of its own.</summary>
    private readonly ref struct Writer(ArrayBufferWriter<byte> buffer)
    {
        public void Byte(byte value)
        {
            buffer.GetSpan(1)[0] = value;
            buffer.Advance(1);
        }

        public void Bool(bool value) => Byte(value ? (byte)1 : (byte)0);

        public void Int(int value)
        {
            BinaryPrimitives.WriteInt32LittleEndian(buffer.GetSpan(4), value);
            buffer.Advance(4);
        }

        public void Long(long value)
        {
            BinaryPrimitives.WriteInt64LittleEndian(buffer.GetSpan(8), value);
            buffer.Advance(8);
        }

        public void String(string value)
        {
            var length = Encoding.UTF8.GetByteCount(value);
            Int(length);
            Encoding.UTF8.GetBytes(value, buffer.GetSpan(length));
            buffer.Advance(length);
        }

        public void NullableString(string? value)
        {
            Bool(value is not null);
            if (value is not null)
            {
                String(value);
            }
        }

        public void Time(DateTimeOffset time)
        {
            Long(time.Ticks);
            BinaryPrimitives.WriteInt16LittleEndian(buffer.GetSpan(2), (short)time.Offset.TotalMinutes);
            buffer.Advance(2);
        }
    }

    /// <summary>Reads what <see cref="Writer"/> wrote; a truncated or malformed array throws.</summary>
    private ref struct Reader(byte[] bytes)
    {
        private readonly ReadOnlySpan<byte> _bytes = bytes;
        private int _at;

        public int Position
        {
            readonly get => _at;
            set => _at = value;
        }

        public byte Byte() => _bytes[_at++];

        public bool Bool() => Byte() != 0;

        public int Int()
        {
            var value = BinaryPrimitives.ReadInt32LittleEndian(_bytes[_at..]);
            _at += 4;
            return value;
        }

        public long Long()
        {
            var value = BinaryPrimitives.ReadInt64LittleEndian(_bytes[_at..]);
            _at += 8;
            return value;
        }

        public string String()
        {
            var length = Int();
            var value = Encoding.UTF8.GetString(_bytes.Slice(_at, length));
            _at += length;
            return value;
        }

        public string? NullableString() => Bool() ? String() : null;

        public DateTimeOffset Time()
        {
            var ticks = Long();
            var offset = BinaryPrimitives.ReadInt16LittleEndian(_bytes[_at..]);
            _at += 2;
            return new DateTimeOffset(ticks, TimeSpan.FromMinutes(offset));
        }
    }
}
