using KhuyenCongBot.Core.Catalogue;
using KhuyenCongBot.Core.Forms;
using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Core.Records;

/// <summary>
/// An imported row dated before 1/7/2025 under a current unit formed from several provinces ("Phú Thọ") counts, as in the forms
/// (<see cref="CommuneMergerCheck"/>), under the former province its commune lay in (<see cref="CommuneFormerMap"/>); a row whose
/// commune cannot be placed stays under the current unit. The import summary counts both (a note per kind and province).
/// </summary>
internal static class ImportedMergerRows
{
    public static void File(SupportRecord record, string? communeCode, CatalogueIndex catalogue, Lazy<CommuneCatalogue> communes,
        SortedDictionary<string, int> notes, UserTexts texts)
    {
        if (record.Date >= FieldReader.MergerDate || catalogue.Province(record.ProvinceId) is not { IsCurrent: true } current
            || catalogue.Provinces.Count(p => !p.IsCurrent && p.CurrentId == current.Id) < 2)
        {
            return;
        }
        var map = communes.Value.Former;
        var formerId = map.FormerOf(communeCode) ?? map.FormerOfName(communes.Value, current.Id, record.Commune);
        string key;
        if (formerId is not null && catalogue.Province(formerId) is { } former)
        {
            if (former.Id == current.Id)
            {
                return;
            }
            record.ProvinceId = former.Id;
            key = texts.Text(false, "merger.import_former", ("former", former.Name), ("current", current.Name));
        }
        else
        {
            key = texts.Text(false, "merger.import_current", ("current", current.Name));
        }
        notes[key] = notes.GetValueOrDefault(key) + 1;
    }
}
