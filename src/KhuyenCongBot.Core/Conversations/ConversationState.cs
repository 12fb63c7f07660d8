using KhuyenCongBot.Core.Messaging;

namespace KhuyenCongBot.Core.Conversations;

/// <summary>Where a person is in a conversation: the flow (a form, a composer...) and its answers so far. Stored after every message.</summary>
public sealed class ConversationState
{
    /// <summary>The BotUser id.</summary>
    public long Id { get; set; }

    /// <summary>The active flow's name (e.g. "form"), or null when idle.</summary>
    public string? Flow { get; set; }

    /// <summary>The flow's position (e.g. the field index of a form).</summary>
    public int Step { get; set; }

    /// <summary>The flow's data (answers so far, by key).</summary>
    public Dictionary<string, string> Data { get; set; } = [];

    /// <summary>The choices last offered, so a typed number or label can be mapped back to them.</summary>
    public List<Choice> LastChoices { get; set; } = [];

    /// <summary>The text of the last question asked within the active flow, repeated after an empty or unreadable message.</summary>
    public string? LastPrompt { get; set; }

    /// <summary>Channel and chat of the last message (for reminders).</summary>
    public string? LastChannel { get; set; }
    public string? LastChatId { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? RemindedAt { get; set; }

    /// <summary>Facilities the person logged most recently, newest first (offered as shortcuts); null until first needed.</summary>
    /// <remarks>Kept here, beside the state saved with every message, so offering them reads nothing from the database.</remarks>
    public List<RecentFacility>? RecentFacilities { get; set; }

    /// <summary>The update key of the last message handled, saved with its replies in the same transaction.</summary>
    public string? LastUpdateKey { get; set; }

    /// <summary>The replies to <see cref="LastUpdateKey"/> (text and choices), sent again if the platform delivers that update
    /// again after a restart: the bot may have died between saving and sending them (a lost receipt).</summary>
    public List<StoredReply>? LastReplies
    {
        get
        {
            if (_loadLastReplies is { } load)
            {
                _lastReplies = load();
                _loadLastReplies = null;
            }
            return _lastReplies;
        }
        set
        {
            _lastReplies = value;
            _loadLastReplies = null;
        }
    }

    private List<StoredReply>? _lastReplies;
    private Func<List<StoredReply>?>? _loadLastReplies;

    /// <summary>Makes <see cref="LastReplies"/> read by <paramref name="load"/> when first asked for.</summary>
    /// <remarks>For the store: they are needed only when an update comes again after a restart, and every message replaces them.</remarks>
    public void DeferLastReplies(Func<List<StoredReply>?> load)
    {
        _lastReplies = null;
        _loadLastReplies = load;
    }

    /// <summary>A copy that shares nothing mutable with this state (choices are immutable records).</summary>
    public ConversationState Clone() => new()
    {
        Id = Id,
        Flow = Flow,
        Step = Step,
        Data = new Dictionary<string, string>(Data),
        LastChoices = [.. LastChoices],
        LastPrompt = LastPrompt,
        LastChannel = LastChannel,
        LastChatId = LastChatId,
        UpdatedAt = UpdatedAt,
        RemindedAt = RemindedAt,
        RecentFacilities = RecentFacilities?.Select(f => new RecentFacility { Id = f.Id, Name = f.Name, ProvinceId = f.ProvinceId }).ToList(),
        LastUpdateKey = LastUpdateKey,
        LastReplies = LastReplies?.Select(r => new StoredReply { Text = r.Text, Choices = [.. r.Choices], IsPrompt = r.IsPrompt }).ToList(),
    };

    /// <summary>Data keys that outlive <see cref="Clear"/>: a form left with its answers kept as a draft (the forms' <c>FormDrafts</c>).</summary>
    public const string KeptPrefix = "~draft:";

    /// <summary>Ends the active flow and forgets its data (but not a draft kept under <see cref="KeptPrefix"/>).</summary>
    public void Clear()
    {
        Flow = null;
        Step = 0;
        if (!Data.Keys.Any(k => k.StartsWith(KeptPrefix, StringComparison.Ordinal)))
        {
            Data.Clear();
        }
        else
        {
            foreach (var key in Data.Keys.Where(k => !k.StartsWith(KeptPrefix, StringComparison.Ordinal)).ToList())
            {
                Data.Remove(key);
            }
        }
        LastChoices.Clear();
        LastPrompt = null;
        RemindedAt = null;
    }
}

/// <summary>A facility a person logged recently: enough to offer it as a button.</summary>
public sealed class RecentFacility
{
    public long Id { get; set; }
    public string Name { get; set; } = "";

    /// <summary>The province of the record that named it.</summary>
    public string ProvinceId { get; set; } = "";
}

/// <summary>A reply kept for sending again: its text and choices (a picture or file is not kept).</summary>
public sealed class StoredReply
{
    public string Text { get; set; } = "";
    public List<Choice> Choices { get; set; } = [];

    /// <summary>The reply is the state's <see cref="ConversationState.LastPrompt"/> with its <see cref="ConversationState.LastChoices"/>
    /// (most replies in a form): not stored twice.</summary>
    public bool IsPrompt { get; set; }
}
