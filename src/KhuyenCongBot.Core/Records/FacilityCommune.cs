using KhuyenCongBot.Core.Catalogue;
using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Core.Records;

/// <summary>
/// A facility's commune as records.csv carries it (column commune_code): the official code of the 2025 list, checked against the
/// list of the record's province, or "none" when the officer confirmed the commune is not in the list (kept as typed).
/// </summary>
internal sealed record FacilityCommune(string? Code, bool NotInList)
{
    /// <summary>Null for an empty cell; a code not in the province's list is a problem of the row.</summary>
    public static FacilityCommune? Read(string cell, SupportRecord record, CatalogueIndex catalogue, Lazy<CommuneCatalogue> communes, List<string> problems, UserTexts texts, bool english)
    {
        if (cell.Length == 0)
        {
            return null;
        }
        if (cell == RecordLayout.CommuneNotInList)
        {
            return new FacilityCommune(null, true);
        }
        if (record.ProvinceId.Length == 0)
        {
            return null;
        }
        var current = catalogue.CurrentOf(record.ProvinceId)?.Id ?? record.ProvinceId;
        if (communes.Value.ByCode(cell) is not { } commune || commune.ProvinceId != current)
        {
            problems.Add(texts.Text(english, "records.rows.unknown_commune_code", ("text", RecordRowReader.Short(cell)), ("province", catalogue.Province(current)?.ShortName ?? current),
                ("none", RecordLayout.CommuneNotInList)));
            return null;
        }
        return new FacilityCommune(commune.Code, false);
    }
}
