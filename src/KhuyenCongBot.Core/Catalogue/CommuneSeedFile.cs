using KhuyenCongBot.Core.Forms;
using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Core.Catalogue;

/// <summary>seeds/catalogue/communes.json: every current province's communes, codes unique, names unique within a province, the total as announced.</summary>
public static class CommuneSeedFile
{
    public const string FileName = "communes.json";

    /// <summary>The communes of seeds/catalogue/communes.json, checked against the catalogue's current units; throws <see cref="SeedException"/> naming the file.</summary>
    public static IReadOnlyList<Commune> Read(string seedsPath, CatalogueIndex catalogue)
    {
        var path = Path.Combine(seedsPath, "catalogue", FileName);
        if (!File.Exists(path))
        {
            throw new SeedException(path, "thiếu danh sách xã, phường, đặc khu (tạo bằng seeds/tools/make_communes.py)");
        }
        var file = SeedFiles.Read<CommunesFile>(path);
        if (string.IsNullOrWhiteSpace(file.Source))
        {
            throw new SeedException(path, "thiếu \"source\": nguồn dữ liệu và giấy phép phải đi cùng danh sách");
        }
        var units = catalogue.CurrentProvinces.Where(p => p.Code is not null).ToDictionary(p => p.Code!, StringComparer.Ordinal);
        var communes = new List<Commune>();
        var codes = new HashSet<string>(StringComparer.Ordinal);
        var provinces = new HashSet<string>(StringComparer.Ordinal);
        foreach (var p in file.Provinces ?? [])
        {
            if (p.Province is null || !units.TryGetValue(p.Province, out var unit))
            {
                throw new SeedException(path, $"mã tỉnh \"{p.Province}\" ({p.Name}) không phải tỉnh, thành hiện nay trong provinces.json");
            }
            if (!provinces.Add(unit.Id))
            {
                throw new SeedException(path, $"tỉnh {p.Province} ({p.Name}) có hai danh sách");
            }
            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (var c in p.Communes ?? [])
            {
                var where = $"tỉnh {p.Province}, xã \"{c.Code}\" ({c.Name})";
                if (c.Code is null || !CommuneCatalogue.FiveDigits().IsMatch(c.Code))
                {
                    throw new SeedException(path, $"{where}: mã phải gồm 5 chữ số");
                }
                if (!codes.Add(c.Code))
                {
                    throw new SeedException(path, $"{where}: mã bị trùng");
                }
                if (string.IsNullOrWhiteSpace(c.Name) || VnText.FoldWords(c.Name).Length == 0)
                {
                    throw new SeedException(path, $"{where}: thiếu tên");
                }
                if (!names.Add(VnSpelling.Canonical(c.Name)))
                {
                    throw new SeedException(path, $"{where}: tên bị trùng trong tỉnh");
                }
                var type = Array.FindIndex(Commune.TypeNames, t => VnText.FoldWords(t) == VnText.FoldWords(c.Type));
                if (type < 0)
                {
                    throw new SeedException(path, $"{where}: loại \"{c.Type}\" không hợp lệ (Xã, Phường, Đặc khu)");
                }
                communes.Add(new Commune(c.Code, (CommuneType)type, c.Name.Trim(), unit.Id));
            }
            if (names.Count == 0)
            {
                throw new SeedException(path, $"tỉnh {p.Province} ({p.Name}) không có xã, phường nào");
            }
        }
        var missing = units.Values.Where(u => !provinces.Contains(u.Id)).Select(u => $"{u.Code} {u.ShortName}").ToList();
        if (missing.Count > 0)
        {
            throw new SeedException(path, "thiếu danh sách xã, phường của: " + string.Join(", ", missing));
        }
        if (file.Total is { } total && total != communes.Count)
        {
            throw new SeedException(path, $"\"total\" ghi {total} nhưng tệp có {communes.Count} xã, phường, đặc khu (tệp bị cắt hoặc sửa tay?)");
        }
        return communes;
    }

    private sealed class CommunesFile
    {
        public string? Source { get; set; }
        public int? Total { get; set; }
        public List<ProvinceList>? Provinces { get; set; }
    }

    private sealed class ProvinceList
    {
        public string? Province { get; set; }
        public string? Name { get; set; }
        public List<CommuneEntry>? Communes { get; set; }
    }

    private sealed class CommuneEntry
    {
        public string? Code { get; set; }
        public string? Type { get; set; }
        public string? Name { get; set; }
    }
}
