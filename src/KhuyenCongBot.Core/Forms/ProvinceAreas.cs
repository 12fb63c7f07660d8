using KhuyenCongBot.Core.Catalogue;

namespace KhuyenCongBot.Core.Forms;

/// <summary>
/// Rough areas of the provinces (seeds/catalogue/province-areas.json): boxes of latitude and longitude per current unit, to
/// notice a location answer far from the record's province. Never used to refuse, only to ask back.
/// </summary>
public sealed class ProvinceAreas
{
    private readonly Dictionary<string, IReadOnlyList<Box>> _boxes;

    public ProvinceAreas(IReadOnlyDictionary<string, IReadOnlyList<Box>> boxes, double marginKm)
    {
        _boxes = new Dictionary<string, IReadOnlyList<Box>>(boxes, StringComparer.Ordinal);
        MarginKm = marginKm;
    }

    /// <summary>How far outside its province's boxes a point may be before it is asked back.</summary>
    public double MarginKm { get; }

    /// <summary>[south, north, west, east], degrees.</summary>
    public readonly record struct Box(double South, double North, double West, double East);

    public static ProvinceAreas Load(string seeds)
    {
        var path = Path.Combine(seeds, "catalogue", "province-areas.json");
        if (!File.Exists(path))
        {
            return new ProvinceAreas(new Dictionary<string, IReadOnlyList<Box>>(), 0);
        }
        var file = SeedFiles.Read<AreasFile>(path);
        var boxes = new Dictionary<string, IReadOnlyList<Box>>(StringComparer.Ordinal);
        foreach (var p in file.Provinces ?? [])
        {
            var list = new List<Box>();
            foreach (var b in p.Boxes ?? [])
            {
                if (b.Length != 4 || b[0] > b[1] || b[2] > b[3])
                {
                    throw new SeedException(path, $"{p.Id}: mỗi vùng là [nam, bắc, tây, đông] với nam ≤ bắc, tây ≤ đông");
                }
                list.Add(new Box(b[0], b[1], b[2], b[3]));
            }
            if (string.IsNullOrWhiteSpace(p.Id) || list.Count == 0)
            {
                throw new SeedException(path, $"tỉnh thiếu id hoặc vùng: {p.Id}");
            }
            boxes[p.Id] = list;
        }
        return new ProvinceAreas(boxes, file.MarginKm);
    }

    /// <summary>Whether the province has an area here.</summary>
    public bool Knows(string provinceId) => _boxes.ContainsKey(provinceId);

    /// <summary>Kilometres from the point to the nearest box of the province (0 inside); null for a province without an area.</summary>
    public double? DistanceKm(string provinceId, double lat, double lon)
    {
        if (!_boxes.TryGetValue(provinceId, out var boxes))
        {
            return null;
        }
        return boxes.Min(b => Haversine(lat, lon, Math.Clamp(lat, b.South, b.North), Math.Clamp(lon, b.West, b.East)));
    }

    /// <summary>The distance when the point lies more than <see cref="MarginKm"/> outside the province; else null.</summary>
    public double? FarFrom(string provinceId, double lat, double lon) =>
        DistanceKm(provinceId, lat, lon) is { } km && km > MarginKm ? km : null;

    private static double Haversine(double lat1, double lon1, double lat2, double lon2)
    {
        const double R = 6371;
        static double Rad(double d) => d * Math.PI / 180;
        var dLat = Rad(lat2 - lat1);
        var dLon = Rad(lon2 - lon1);
        var a = (Math.Sin(dLat / 2) * Math.Sin(dLat / 2)) + (Math.Cos(Rad(lat1)) * Math.Cos(Rad(lat2)) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2));
        return 2 * R * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }

    private sealed class AreasFile
    {
        public double MarginKm { get; set; } = 20;
        public List<AreaEntry>? Provinces { get; set; }
    }

    private sealed class AreaEntry
    {
        public string Id { get; set; } = "";
        public List<double[]>? Boxes { get; set; }
    }
}
