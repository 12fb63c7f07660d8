namespace KhuyenCongBot.Core.Figures;

/// <summary>Records by when they were entered (not the date of the support): one officer's own, or everyone's within some provinces.</summary>
public interface IEnteredFigures
{
    /// <summary>
    /// How many records were entered in [<paramref name="from"/>, <paramref name="to"/>) by <paramref name="creatorId"/> (null: anyone)
    /// in <paramref name="provinceIds"/> (recorded unit ids, null: everywhere), per activity id, most first, ties by activity id.
    /// </summary>
    IReadOnlyList<KeyValuePair<string, int>> EnteredByActivity(long? creatorId, IReadOnlySet<string>? provinceIds, DateTimeOffset from, DateTimeOffset to);
}
