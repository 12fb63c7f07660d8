using System.Text;
using KhuyenCongBot.Core.Catalogue;
using KhuyenCongBot.Core.Figures;
using KhuyenCongBot.Core.Records;
using Microsoft.Data.Sqlite;

namespace KhuyenCongBot.Benchmarks.Figures;

/// <summary>The same figures as SQL aggregations over an indexed SQLite table (benchmark baseline b).</summary>
internal sealed class SqliteFigureSource : IFigureSource, IDisposable
{
    private readonly SqliteConnection _connection;

    private SqliteFigureSource(string path)
    {
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        _connection.Open();
        Execute("PRAGMA cache_size = -65536"); // 64 MB page cache
    }

    /// <summary>Creates the file with the schema (records, units) and loads the unit-to-current-unit map.</summary>
    public static SqliteFigureSource Create(string path, CatalogueIndex catalogue)
    {
        var source = new SqliteFigureSource(path);
        source.Execute("""
            PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;
            CREATE TABLE records(id INTEGER PRIMARY KEY, activity TEXT NOT NULL, day INTEGER NOT NULL, province TEXT NOT NULL,
              facility INTEGER, booths INTEGER NOT NULL, revenue INTEGER NOT NULL, funding INTEGER NOT NULL, estimate INTEGER NOT NULL, source INTEGER NOT NULL);
            CREATE TABLE units(id TEXT PRIMARY KEY, current TEXT NOT NULL) WITHOUT ROWID;
            """);
        using var tx = source._connection.BeginTransaction();
        using var cmd = source._connection.CreateCommand();
        cmd.CommandText = "INSERT OR REPLACE INTO units VALUES ($id, $current)";
        foreach (var unit in catalogue.Provinces)
        {
            cmd.Parameters.Clear();
            cmd.Parameters.AddWithValue("$id", unit.Id);
            cmd.Parameters.AddWithValue("$current", catalogue.CurrentOf(unit.Id)?.Id ?? unit.Id);
            cmd.ExecuteNonQuery();
        }
        tx.Commit();
        return source;
    }

    public static SqliteFigureSource Open(string path) => new(path);

    /// <summary>Inserts records in one transaction with a prepared statement.</summary>
    public void Insert(IEnumerable<SupportRecord> records)
    {
        using var tx = _connection.BeginTransaction();
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = "INSERT INTO records VALUES ($id, $a, $d, $p, $f, $b, $r, $fu, $e, $s)";
        var ps = new[] { "$id", "$a", "$d", "$p", "$f", "$b", "$r", "$fu", "$e", "$s" }.Select(n => cmd.Parameters.Add(n, SqliteType.Integer)).ToArray();
        ps[1].SqliteType = SqliteType.Text;
        ps[3].SqliteType = SqliteType.Text;
        cmd.Prepare();
        foreach (var r in records)
        {
            ps[0].Value = r.Id;
            ps[1].Value = r.ActivityId;
            ps[2].Value = DayKey(r.Date);
            ps[3].Value = r.ProvinceId;
            ps[4].Value = r.FacilityId is { } f ? f : DBNull.Value;
            ps[5].Value = r.Booths;
            ps[6].Value = r.RevenueVnd;
            ps[7].Value = r.FundingVnd;
            ps[8].Value = r.Status == RecordStatus.Estimate ? 1 : 0;
            ps[9].Value = (int)FundingSources.Code(r.FundingSource);
            cmd.ExecuteNonQuery();
        }
        tx.Commit();
    }

    /// <summary>Indexes for the questions: by activity and day (with the unit), and by day alone.</summary>
    public void CreateIndexes() => Execute("""
        CREATE INDEX ix_records_activity_day ON records(activity, day, province);
        CREATE INDEX ix_records_day ON records(day);
        ANALYZE;
        """);

    public FigureValue Total(FigureQuery query)
    {
        var rows = Run(query, null);
        return rows.Count == 0 ? default : rows[0].Value;
    }

    public IReadOnlyList<KeyValuePair<string, FigureValue>> Breakdown(FigureQuery query, BreakdownBy by) =>
        FigureRules.Order(Run(query, by).Where(r => r.Value.Records > 0), by);

    private List<KeyValuePair<string, FigureValue>> Run(FigureQuery q, BreakdownBy? by)
    {
        FigureRules.Validate(q);
        var (value, estimate) = q.Measure switch
        {
            Measures.Facilities => ("COUNT(DISTINCT facility)", "COUNT(DISTINCT CASE WHEN estimate = 1 THEN facility END)"),
            Measures.Booths => ("SUM(booths)", "SUM(CASE WHEN estimate = 1 THEN booths ELSE 0 END)"),
            Measures.Revenue => ("SUM(revenue)", "SUM(CASE WHEN estimate = 1 THEN revenue ELSE 0 END)"),
            Measures.Funding => ("SUM(funding)", "SUM(CASE WHEN estimate = 1 THEN funding ELSE 0 END)"),
            _ => ("COUNT(*)", "SUM(estimate)"),
        };
        var key = by switch
        {
            null => "''",
            BreakdownBy.Province => "COALESCE(u.current, r.province)",
            BreakdownBy.RecordedProvince => "r.province",
            BreakdownBy.Activity => "r.activity",
            BreakdownBy.Source => "r.source",
            BreakdownBy.Quarter => "(r.day / 10000) * 10 + ((r.day / 100) % 100 + 2) / 3",
            _ => "r.day / 100",
        };
        using var cmd = _connection.CreateCommand();
        var sql = new StringBuilder($"SELECT {key} AS k, COUNT(*), IFNULL({value}, 0), IFNULL({estimate}, 0) FROM records r");
        if (by == BreakdownBy.Province)
        {
            sql.Append(" LEFT JOIN units u ON u.id = r.province");
        }
        sql.Append(" WHERE r.day BETWEEN $from AND $to");
        cmd.Parameters.AddWithValue("$from", DayKey(q.From));
        cmd.Parameters.AddWithValue("$to", DayKey(q.To));
        if (q.ActivityId is not null)
        {
            sql.Append(" AND r.activity = $activity");
            cmd.Parameters.AddWithValue("$activity", q.ActivityId);
        }
        if (q.ProvinceIds is not null)
        {
            var names = q.ProvinceIds.Select((id, i) => (id, name: $"$p{i}")).ToList();
            sql.Append(" AND r.province IN (").Append(string.Join(",", names.Select(n => n.name).DefaultIfEmpty("NULL"))).Append(')');
            foreach (var (id, name) in names)
            {
                cmd.Parameters.AddWithValue(name, id);
            }
        }
        if (q.Status is { } status)
        {
            sql.Append(" AND r.estimate = ").Append(status == RecordStatus.Estimate ? 1 : 0);
        }
        if (q.Source is { } source)
        {
            sql.Append(" AND r.source = ").Append(FundingSources.Code(source));
        }
        if (by is not null)
        {
            sql.Append(" GROUP BY k");
        }
        cmd.CommandText = sql.ToString();
        var rows = new List<KeyValuePair<string, FigureValue>>();
        using var reader = cmd.ExecuteReader();
        while (reader.Read())
        {
            var k = by == BreakdownBy.Month
                ? FigureRules.MonthKey((int)(reader.GetInt64(0) / 100), (int)(reader.GetInt64(0) % 100))
                : by == BreakdownBy.Quarter ? FigureRules.QuarterKey((int)(reader.GetInt64(0) / 10), (int)(reader.GetInt64(0) % 10))
                : by == BreakdownBy.Source ? FundingSources.KeyOfCode((byte)reader.GetInt64(0)) : reader.GetString(0);
            rows.Add(new(k, new FigureValue(reader.GetInt64(2), reader.GetInt64(3), reader.GetInt32(1))));
        }
        return rows;
    }

    private static int DayKey(DateOnly d) => Math.Clamp(d.Year, 0, 9999) * 10000 + d.Month * 100 + d.Day;

    private void Execute(string sql)
    {
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    public void Dispose() => _connection.Dispose();
}
