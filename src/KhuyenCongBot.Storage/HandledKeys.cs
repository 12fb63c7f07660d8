using System.Globalization;

namespace KhuyenCongBot.Storage;

/// <summary>
/// The set of handled update keys, kept small: a Telegram key ("telegram:123456789", the bulk of them) is held as a
/// number (~20 bytes each instead of ~100 for a string in a concurrent dictionary); other keys as strings.
/// </summary>
internal sealed class HandledKeys
{
    private const string TelegramPrefix = "telegram:";
    private readonly Lock _gate = new();
    private readonly HashSet<long> _telegram = [];
    private readonly HashSet<string> _other = new(StringComparer.Ordinal);

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _telegram.Count + _other.Count;
            }
        }
    }

    public bool Contains(string key)
    {
        lock (_gate)
        {
            return TryNumber(key, out var n) ? _telegram.Contains(n) : _other.Contains(key);
        }
    }

    /// <summary>Adds the key; false when it was there already.</summary>
    public bool Add(string key)
    {
        lock (_gate)
        {
            return TryNumber(key, out var n) ? _telegram.Add(n) : _other.Add(key);
        }
    }

    public void Remove(string key)
    {
        lock (_gate)
        {
            if (TryNumber(key, out var n))
            {
                _telegram.Remove(n);
            }
            else
            {
                _other.Remove(key);
            }
        }
    }

    private static bool TryNumber(string key, out long number)
    {
        number = 0;
        return key.StartsWith(TelegramPrefix, StringComparison.Ordinal)
            && key.Length > TelegramPrefix.Length
            && key[TelegramPrefix.Length] != '0'
            && long.TryParse(key.AsSpan(TelegramPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out number);
    }
}
