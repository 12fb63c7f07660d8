namespace KhuyenCongBot.Core.Records;

/// <summary>Imports records.csv / plans.csv (or the .xlsx the bot exports) and exports records.</summary>
public interface IRecordImporter
{
    /// <summary>
    /// Imports a file as it came (bytes): the encoding is checked, records or plans told apart by the header, every row
    /// checked like the forms check it; nothing is imported when any row is bad. A file imported before, and rows already
    /// present, are reported and skipped unless <see cref="ImportOptions.AllowDuplicates"/>. What is imported is one
    /// batch that can be listed and undone.
    /// </summary>
    ImportResult Import(byte[] content, ImportOptions options);

    /// <summary>Checks every row of a records CSV; imports all rows only when none is bad (duplicates allowed: for loading known data).</summary>
    ImportResult ImportRecords(TextReader csv, long userId, string source = "import");

    /// <summary>Imports plans.csv (year,province,metric,target); all or nothing.</summary>
    ImportResult ImportPlans(TextReader csv);

    /// <summary>Writes every record in the export columns (<see cref="RecordLayout"/>) so that an export imports back to the same records.</summary>
    void ExportRecords(TextWriter csv);

    /// <summary>Writes every project (<see cref="Projects.ProjectCsv"/>), the file an export puts beside the records so that they link again on import.</summary>
    void ExportProjects(TextWriter csv);

    /// <summary>Removes what a batch added (and puts back plan targets it changed), audited; null when there is no such batch.</summary>
    UndoResult? Undo(long batchId, long userId);
}

/// <summary>How an import runs: who imports, the file's name, and whether duplicates are wanted.</summary>
/// <param name="UserId">The person importing (0 for the command line).</param>
/// <param name="By">Who, in words, for the list of batches ("terminal:local", "telegram:123", "dòng lệnh").</param>
/// <param name="FileName">The file's name, for messages and the list of batches.</param>
/// <param name="AllowDuplicates">Import a file imported before, and rows already present, anyway.</param>
/// <param name="DryRun">Check and count, change nothing.</param>
/// <param name="Source">The records' Source ("import", "demo").</param>
/// <param name="Evidence">
/// The evidence files that came with the file (an export's files folder), by the name its files column gives ("12-1.jpg"); null for
/// none. Each listed file found is attached to the record imported from its row; one not found is said in the notes.
/// </param>
/// <param name="Projects">The projects file that came with the records (an export's "…-de-an.csv"), imported first in the same batch; null for none.</param>
/// <param name="ProjectsFileName">Its name, for messages.</param>
public sealed record ImportOptions(long UserId, string By, string FileName, bool AllowDuplicates = false, bool DryRun = false, string Source = "import",
    Func<string, byte[]?>? Evidence = null, byte[]? Projects = null, string? ProjectsFileName = null, string Language = Text.UserTexts.Vietnamese)
{
    /// <summary>Whether the reasons a row is refused and the notes are written in English (the importing person's language).</summary>
    public bool English => Text.UserTexts.Resolve(Language) == "en";
}

/// <summary>What an import did: rows imported, or the bad rows with line numbers and reasons; duplicates, notes, the batch.</summary>
public sealed record ImportResult(int Imported, IReadOnlyList<ImportError> Errors)
{
    public bool Ok => Errors.Count == 0;

    /// <summary>"records" or "plans".</summary>
    public string Kind { get; init; } = "records";

    /// <summary>Data rows in the file.</summary>
    public int Rows { get; init; }

    /// <summary>Rows not imported because they were already there (or repeated in the file); their line numbers.</summary>
    public IReadOnlyList<int> DuplicateLines { get; init; } = [];

    public int Duplicates => DuplicateLines.Count;

    /// <summary>The batch this import made (null when nothing was imported).</summary>
    public ImportBatch? Batch { get; init; }

    /// <summary>An earlier batch of the very same file (the file was imported before).</summary>
    public ImportBatch? ImportedBefore { get; init; }

    /// <summary>Remarks (former provinces mapped to the current unit), one line each.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    public bool DryRun { get; init; }
}

/// <summary>One bad row: its line number in the file (header = 1) and why.</summary>
public sealed record ImportError(int Line, string Reason);

/// <summary>What undoing a batch did.</summary>
public sealed record UndoResult(ImportBatch Batch, int RecordsRemoved, int PlansRestored, int PlansKept, bool AlreadyUndone)
{
    /// <summary>Projects the batch added and its undo removed.</summary>
    public int ProjectsRemoved { get; init; }

    /// <summary>Codes of projects the batch added that were kept (linked or changed since).</summary>
    public IReadOnlyList<string> ProjectsKept { get; init; } = [];
}

/// <summary>Reads and writes the records sheet of an .xlsx (implemented with the spreadsheet library, outside the core).</summary>
public interface IRecordSpreadsheet
{
    /// <summary>The rows of the records sheet (the first sheet when there is no "Bản ghi"), header first, cells as text.</summary>
    IReadOnlyList<IReadOnlyList<string>> ReadRecordRows(byte[] xlsx);

    /// <summary>The rows of the projects sheet ("Đề án", <see cref="Projects.ProjectCsv.SheetRows"/>), header first, cells as text; null when the workbook has none.</summary>
    IReadOnlyList<IReadOnlyList<string>>? ReadProjectRows(byte[] xlsx) => null;

    /// <summary>An .xlsx with a summary sheet and every record in <see cref="RecordLayout"/>'s columns; <paramref name="files"/> gives a record's files cell;
    /// <paramref name="projects"/> (header first) is written as the projects sheet.</summary>
    byte[] WriteRecords(IReadOnlyList<IReadOnlyList<string>> summary, IEnumerable<SupportRecord> records, Func<long, Facility?> facilities, Func<long, string?>? files = null,
        IReadOnlyList<IReadOnlyList<object?>>? projects = null);
}
