namespace KhuyenCongBot.Core.Records;

/// <summary>Imports and exports records and plans as CSV (the columns of the figures issue).</summary>
public interface IRecordImporter
{
    /// <summary>Checks every row of a records CSV; imports all rows only when none is bad.</summary>
    ImportResult ImportRecords(TextReader csv, long userId, string source = "import");

    /// <summary>Imports plans.csv (year,province,metric,target); all or nothing.</summary>
    ImportResult ImportPlans(TextReader csv);

    /// <summary>Writes every record in the import columns so that an export imports back to the same figures.</summary>
    void ExportRecords(TextWriter csv);
}

/// <summary>What an import did: rows imported, or the bad rows with line numbers and reasons.</summary>
public sealed record ImportResult(int Imported, IReadOnlyList<ImportError> Errors)
{
    public bool Ok => Errors.Count == 0;
}

/// <summary>One bad row: its line number in the file (header = 1) and why.</summary>
public sealed record ImportError(int Line, string Reason);
