using System.Text.Json;
using System.Text.Json.Serialization;

namespace KhuyenCongBot.Core.Catalogue;

/// <summary>Reads the catalogue files of <c>seeds/catalogue/</c>; a malformed file throws <see cref="SeedException"/> naming it.</summary>
public static class SeedFiles
{
    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>Finds the seeds folder: the configured one, else "seeds" beside the program, else in a parent folder.</summary>
    public static string Locate(string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Path.GetFullPath(configured);
        }
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "seeds");
                if (File.Exists(Path.Combine(candidate, "catalogue", "activities.json")))
                {
                    return candidate;
                }
            }
        }
        throw new SeedException("seeds", "không tìm thấy thư mục seeds (cần seeds/catalogue/activities.json); đặt Storage:SeedsPath");
    }

    public static T Read<T>(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(File.ReadAllText(path), Json)
                ?? throw new SeedException(path, "tệp rỗng");
        }
        catch (JsonException ex)
        {
            throw new SeedException(path, $"JSON không hợp lệ ({ex.Path}, dòng {ex.LineNumber + 1}): {ex.Message}");
        }
        catch (IOException ex)
        {
            throw new SeedException(path, ex.Message);
        }
    }

    public static List<Activity> Activities(string seeds) => Read<List<Activity>>(Path.Combine(seeds, "catalogue", "activities.json"));

    public static List<Region> Regions(string seeds) => Read<List<Region>>(Path.Combine(seeds, "catalogue", "regions.json"));

    /// <summary>provinces.json lists the 34 current units, each with the former units merged into it.</summary>
    public static List<ProvinceUnit> Provinces(string seeds)
    {
        var path = Path.Combine(seeds, "catalogue", "provinces.json");
        var entries = Read<List<ProvinceEntry>>(path);
        var units = new List<ProvinceUnit>();
        foreach (var e in entries)
        {
            if (string.IsNullOrWhiteSpace(e.Id) || string.IsNullOrWhiteSpace(e.Name) || string.IsNullOrWhiteSpace(e.Code))
            {
                throw new SeedException(path, $"tỉnh thiếu id, name hoặc code: {e.Name ?? e.Id}");
            }
            units.Add(new ProvinceUnit
            {
                Id = e.Id, Code = e.Code, Name = e.Name, ShortName = e.ShortName ?? e.Name,
                IsCurrent = true, CurrentId = e.Id, Aliases = e.Aliases ?? [],
            });
            foreach (var former in e.Former ?? [])
            {
                var id = Text.VnText.Slug(former.Name);
                units.Add(new ProvinceUnit
                {
                    Id = id, Name = former.Name, ShortName = former.Name, IsCurrent = false, CurrentId = e.Id,
                    Aliases = former.Aliases ?? [],
                });
            }
        }
        return units;
    }

    private sealed class ProvinceEntry
    {
        public string Id { get; set; } = "";
        public string Code { get; set; } = "";
        public string Name { get; set; } = "";
        public string? ShortName { get; set; }
        public List<string>? Aliases { get; set; }
        public List<FormerEntry>? Former { get; set; }
    }

    private sealed class FormerEntry
    {
        public string Name { get; set; } = "";
        public List<string>? Aliases { get; set; }
    }
}

/// <summary>A seed file is missing or malformed; the message names the file and what is wrong.</summary>
public sealed class SeedException(string file, string problem) : Exception($"Tệp seed {file}: {problem}")
{
    public string File { get; } = file;
}
