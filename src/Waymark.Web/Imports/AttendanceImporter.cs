using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using nietras.SeparatedValues;
using Waymark.Data;
using Waymark.Data.Attendance;
using Waymark.Data.Entities;
using Waymark.Domain.Attendance;
using Waymark.Domain.Calendar;
using Waymark.Web.Hosting;

namespace Waymark.Web.Imports;

/// <summary>
/// `waymark import attendance FILE.csv`: columns upn,date,session,code and optionally urn, in any order and case.
/// Streams the file into a <see cref="MarkBatch"/> (one 732-byte year per pupil and school, so memory follows the
/// number of pupils, not rows), checks every row, and only when the whole file is good hands the batch to
/// <see cref="AttendanceRegister"/> in one transaction. Re-importing the same file changes nothing. Each mark goes through
/// <see cref="MarkIntake"/> and <see cref="SaveMarksAsync"/>, the path the CTF import's marks take too.
/// </summary>
public sealed class AttendanceImporter(WaymarkDbContext db, AttendanceRegister register, AttendanceAlertEngine alerts, Auditing.Auditor auditor,
    TimeProvider clock)
{
    public static readonly string[] Columns = ["upn", "date", "session", "code"];

    public const string UrnColumn = "urn";

    /// <summary>How many problems are listed; the rest are counted.</summary>
    public const int ProblemsListed = 100;

    private const int ProgressEveryRows = 1 << 16;

    private readonly record struct Roll(int SchoolId, DateOnly Start, DateOnly? End, EnrolmentType Type)
    {
        public bool Covers(DateOnly date) => date >= Start && (End is not { } end || date <= end);
    }

    /// <summary>The last text seen in a column and what it meant.</summary>
    private sealed class Recent<T>
    {
        private readonly char[] _text = new char[32];
        private int _length = -1;

        public T Value { get; private set; } = default!;

        public bool Matches(ReadOnlySpan<char> text) => text.Length == _length && text.SequenceEqual(_text.AsSpan(0, _length));

        public void Remember(ReadOnlySpan<char> text, T value)
        {
            if (text.Length <= _text.Length)
            {
                text.CopyTo(_text);
                _length = text.Length;
                Value = value;
            }
        }
    }

    private sealed class Pupil(Guid id, string upn)
    {
        public Guid Id { get; } = id;

        public string Upn { get; } = upn;

        public List<Roll> Rolls { get; } = [];
    }

    /// <param name="progress">Told the fraction of the file read, now and then; for a terminal's progress bar.</param>
    public async Task<AttendanceImportResult> ImportAsync(Stream csv, string fileName, IProgress<double>? progress = null,
        AttendanceImportOptions? options = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(csv);
        options ??= new AttendanceImportOptions();
        var userId = options.UserId;
        var today = clock.UkToday();

        // One academic year of marks is held at a time. A file that spans several years is read again for each
        // further year, so memory follows the number of pupils, never the size of the file. (A stream that cannot
        // be read twice is taken whole, every year at once.)
        var origin = csv.CanSeek ? csv.Position : 0;
        var years = new YearChoice(split: csv.CanSeek, only: null);
        var first = await ReadPassAsync(csv, years, lookups: null, today, progress, ct);
        if (first.Refusal is { } refusal)
        {
            return refusal;
        }

        if (first.Problems.Count > 0)
        {
            return new AttendanceImportResult(first.Rows, 0, 0, 0, first.Problems.Listed, first.Problems.Count);
        }

        if (first.Rows == 0)
        {
            return AttendanceImportResult.Refused(0, new ImportProblem(2, null, "the file has a header but no marks"));
        }

        long @new = 0, changed = 0, unchanged = 0;
        var written = new HashSet<Guid>();
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            async Task ApplyAsync(MarkBatch batch)
            {
                var result = await SaveMarksAsync(batch, $"import attendance {fileName}", userId, ct);
                (@new, changed, unchanged) = (@new + result.New, changed + result.Changed, unchanged + result.Unchanged);
                written.UnionWith(batch.ChildrenWritten());
            }

            await ApplyAsync(first.Batch);
            foreach (var year in years.Others)
            {
                csv.Position = origin;
                var pass = await ReadPassAsync(csv, new YearChoice(split: true, only: year), first.Lookups, today, progress, ct);

                // Every row was checked on the first pass; what is left to find is a session given two codes in this year.
                if (pass.Problems.Count > 0)
                {
                    return new AttendanceImportResult(first.Rows, 0, 0, 0, pass.Problems.Listed, pass.Problems.Count);
                }

                await ApplyAsync(pass.Batch);
            }

            auditor.Record(AuditActions.AttendanceImported, userId: userId,
                detail: $"{fileName}: {first.Rows:N0} row(s), {@new:N0} mark(s) new, {changed:N0} changed, {unchanged:N0} unchanged");
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }

        progress?.Report(1);

        // The worklist follows the marks at once for the pupils whose registers changed; the daily recompute
        // (AttendanceAlertsDaily) catches the alerts that come from the date alone.
        var worklist = options.RecomputeWorklist ? await UpdateWorklistAsync(written, ct) : null;

        return new AttendanceImportResult(first.Rows, @new, changed, unchanged, [], 0) { Worklist = worklist };
    }

    /// <summary>
    /// Saves marks gathered by a <see cref="MarkIntake"/>: the one way an import writes register marks (this CSV import and
    /// the CTF import), through <see cref="AttendanceRegister"/>, in the caller's transaction. <paramref name="source"/> is
    /// kept with every correction.
    /// </summary>
    public Task<RegisterResult> SaveMarksAsync(MarkBatch batch, string source, string? userId, CancellationToken ct) =>
        register.ApplyAsync(batch, source, userId, ct);

    /// <summary>
    /// After an import commits: the worklist follows the marks at once for the pupils whose registers changed; the daily
    /// recompute (AttendanceAlertsDaily) catches the alerts that come from the date alone. Null when no register changed.
    /// </summary>
    public async Task<AlertRecompute?> UpdateWorklistAsync(IReadOnlySet<Guid> written, CancellationToken ct) =>
        written.Count > 0 ? (await alerts.RecomputeAsync(clock.UkToday(), written, ct)).Changes : null;

    /// <summary>Which academic year a pass over the file gathers; the first pass takes the first year it meets and notes the rest.</summary>
    private sealed class YearChoice(bool split, int? only)
    {
        private int? _only = only;

        public SortedSet<int> Others { get; } = [];

        public bool Take(int startYear)
        {
            if (!split)
            {
                return true;
            }

            _only ??= startYear;
            if (startYear == _only)
            {
                return true;
            }

            Others.Add(startYear);
            return false;
        }
    }

    /// <summary>The pupils and schools rows are checked against, loaded once per import.</summary>
    private sealed record Lookups(Dictionary<string, Pupil> Pupils, Dictionary<int, int> Schools);

    private sealed record Pass(long Rows, MarkBatch Batch, Problems Problems, Lookups Lookups, AttendanceImportResult? Refusal = null);

    private async Task<Pass> ReadPassAsync(Stream csv, YearChoice years, Lookups? lookups, DateOnly today, IProgress<double>? progress,
        CancellationToken ct)
    {
        var problems = new Problems();
        var intake = new MarkIntake(today, "on an earlier line");
        var batch = intake.Batch;
        Pass Refused(params ImportProblem[] refusal) => new(0, batch, problems, lookups!, AttendanceImportResult.Refused(0, refusal));

        var strictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
        using var text = new StreamReader(csv, strictUtf8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16, leaveOpen: true);
        SepReader reader;
        try
        {
            reader = Sep.New(',').Reader(o => o with
            {
                HasHeader = true,
                Unescape = true,
                DisableColCountCheck = true,
            }).From(text);
        }
        catch (DecoderFallbackException)
        {
            return Refused(NotUtf8(1));
        }
        catch (ArgumentException)
        {
            // Sep refuses a header naming the same column twice in the same case (other cases are found below).
            return Refused(new ImportProblem(1, null, "a column is named twice in the header row"));
        }
        catch (NotSupportedException)
        {
            // Sep's limit on one row (16M characters): in a header, only a quote mark never closed reaches it.
            return Refused(TooLong(1));
        }

        using (reader)
        {
            var header = reader.Header;
            if (header.IsEmpty)
            {
                return Refused(new ImportProblem(1, null, $"the file is empty; the first line must name the columns {string.Join(",", Columns)}"));
            }

            var headerProblems = new List<ImportProblem>();
            foreach (var name in header.ColNames.Select(n => n.Trim()).GroupBy(n => n, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
            {
                headerProblems.Add(new ImportProblem(1, name.Key, "this column is named twice"));
            }

            var missing = Columns.Where(c => !TryColumn(header, c, out _)).ToList();
            if (missing.Count > 0)
            {
                headerProblems.Add(new ImportProblem(1, null,
                    $"the header row must name the columns {string.Join(",", Columns)} (and may add urn); missing: {string.Join(", ", missing)}"));
            }

            if (headerProblems.Count > 0)
            {
                return Refused([.. headerProblems]);
            }

            TryColumn(header, "upn", out var upnColumn);
            TryColumn(header, "date", out var dateColumn);
            TryColumn(header, "session", out var sessionColumn);
            TryColumn(header, "code", out var codeColumn);
            var urnColumn = TryColumn(header, UrnColumn, out var u) ? u : -1;
            var needed = Math.Max(Math.Max(upnColumn, dateColumn), Math.Max(Math.Max(sessionColumn, codeColumn), urnColumn)) + 1;

            lookups ??= new Lookups(await LoadPupilsAsync(ct), await db.Schools.AsNoTracking().ToDictionaryAsync(s => s.Urn, s => s.Id, ct));
            var byUpn = lookups.Pupils.GetAlternateLookup<ReadOnlySpan<char>>();
            var columns = new ColumnIndexes(upnColumn, dateColumn, sessionColumn, codeColumn, urnColumn, needed);
            var rows = ReadRows(reader, columns, byUpn, lookups.Schools, years, intake, problems, csv, progress, ct);
            return new Pass(rows, batch, problems, lookups);
        }
    }

    private readonly record struct ColumnIndexes(int Upn, int Date, int Session, int Code, int Urn, int Needed);

    private static long ReadRows(SepReader reader, ColumnIndexes c, Dictionary<string, Pupil>.AlternateLookup<ReadOnlySpan<char>> byUpn,
        Dictionary<int, int> schools, YearChoice years, MarkIntake intake, Problems problems, Stream csv, IProgress<double>? progress,
        CancellationToken ct)
    {
        // Registers come pupil by pupil and day by day, so most rows repeat the row before's UPN, date and URN:
        // remembering the last of each skips the lookups, which are most of the cost of a row.
        long rows = 0;
        var lastUpn = new Recent<Pupil>();
        var lastDate = new Recent<DateOnly>();
        var lastUrn = new Recent<int>();
        Roll? lastRoll = null;
        var (takenDate, taken) = (DateOnly.MinValue, false);
        Pupil? lastRollPupil = null;
        int? lastRollGiven = null;

        // Where the next row starts, for a problem found while reading it.
        var nextLine = 2;
        try
        {
            foreach (var row in reader)
            {
                nextLine = row.LineNumberToExcl;
                if (row.ColCount == 1 && row.Span.IsWhiteSpace())
                {
                    continue;
                }

                rows++;
                if ((rows & (ProgressEveryRows - 1)) == 0)
                {
                    ct.ThrowIfCancellationRequested();
                    if (progress is not null && csv.CanSeek && csv.Length > 0)
                    {
                        progress.Report((double)csv.Position / csv.Length);
                    }
                }

                if (row.ColCount < c.Needed)
                {
                    problems.Add(row.LineNumberFrom, null, $"the row has {row.ColCount} column(s); the header names {reader.Header.ColNames.Count}");
                    continue;
                }

                var upnText = row[c.Upn].Span.Trim();
                Pupil? pupil = null;
                if (lastUpn.Matches(upnText))
                {
                    pupil = lastUpn.Value;
                }
                else if (upnText.IsEmpty)
                {
                    problems.Add(row.LineNumberFrom, "upn", "UPN is missing");
                }
                else if (byUpn.TryGetValue(upnText, out pupil))
                {
                    lastUpn.Remember(upnText, pupil);
                }
                else
                {
                    problems.Add(row.LineNumberFrom, "upn", $"no pupil has the UPN '{upnText}'; import the pupils first");
                }

                var dateText = row[c.Date].Span.Trim();
                var date = default(DateOnly);
                var dateOk = true;
                if (lastDate.Matches(dateText))
                {
                    date = lastDate.Value;
                }
                else if (!DateText.TryParse(dateText, out date))
                {
                    dateOk = false;
                    problems.Add(row.LineNumberFrom, "date", dateText.IsEmpty ? "date is missing" : $"'{dateText}' is not a date (use yyyy-mm-dd or dd/mm/yyyy)");
                }
                else if (intake.DateProblem(date) is { } dateProblem)
                {
                    dateOk = false;
                    problems.Add(row.LineNumberFrom, "date", dateProblem);
                }
                else
                {
                    lastDate.Remember(dateText, date);
                }

                var sessionText = row[c.Session].Span.Trim();
                Session session = default;
                var sessionOk = true;
                if (sessionText.Length == 2 && (sessionText[1] | 0x20) == 'm' && (sessionText[0] | 0x20) is 'a' or 'p')
                {
                    session = (sessionText[0] | 0x20) == 'a' ? Session.AM : Session.PM;
                }
                else
                {
                    sessionOk = false;
                    problems.Add(row.LineNumberFrom, "session", sessionText.IsEmpty ? "session is missing" : $"'{sessionText}' is not a session (use AM or PM)");
                }

                var codeText = row[c.Code].Span;
                var code = MarkIntake.Code(codeText, dateOk ? date : null, out var codeProblem);
                if (codeProblem is not null)
                {
                    problems.Add(row.LineNumberFrom, "code", codeProblem);
                }

                int? givenSchool = null;
                var schoolOk = true;
                if (c.Urn >= 0)
                {
                    var urnText = row[c.Urn].Span.Trim();
                    if (lastUrn.Matches(urnText))
                    {
                        givenSchool = lastUrn.Value;
                    }
                    else if (!urnText.IsEmpty)
                    {
                        if (int.TryParse(urnText, NumberStyles.None, CultureInfo.InvariantCulture, out var urn) && schools.TryGetValue(urn, out var schoolId))
                        {
                            givenSchool = schoolId;
                            lastUrn.Remember(urnText, schoolId);
                        }
                        else
                        {
                            schoolOk = false;
                            problems.Add(row.LineNumberFrom, UrnColumn, $"no school has the URN '{urnText}'");
                        }
                    }
                }

                if (pupil is null || !dateOk || !sessionOk || code is null || !schoolOk)
                {
                    continue;
                }

                if (lastRoll is not { } roll || lastRollPupil != pupil || lastRollGiven != givenSchool || !roll.Covers(date))
                {
                    lastRoll = RollOn(pupil, date, givenSchool);
                    lastRollPupil = pupil;
                    lastRollGiven = givenSchool;
                    if (lastRoll is null)
                    {
                        problems.Add(row.LineNumberFrom, givenSchool is null ? "upn" : UrnColumn, givenSchool is null
                            ? $"pupil {pupil.Upn} is not on any school's roll on {date:yyyy-MM-dd}"
                            : $"pupil {pupil.Upn} is not on the roll of URN {row[c.Urn].Span.Trim()} on {date:yyyy-MM-dd}");
                        continue;
                    }
                }

                if (date != takenDate)
                {
                    (takenDate, taken) = (date, years.Take(AcademicYear.Containing(date).StartYear));
                }

                if (!taken)
                {
                    continue;
                }

                if (intake.Add(pupil.Id, pupil.Upn, lastRoll.Value.SchoolId, date, session, code) is { } conflict)
                {
                    problems.Add(row.LineNumberFrom, "code", conflict);
                }
            }
        }
        catch (DecoderFallbackException)
        {
            problems.Add(NotUtf8(nextLine));
        }
        catch (NotSupportedException)
        {
            // Sep stops at a row of 16M characters, which in a register only a quote mark that is never closed makes.
            problems.Add(TooLong(nextLine));
        }

        return rows;
    }

    private static bool TryColumn(SepReaderHeader header, string name, out int index)
    {
        for (var i = 0; i < header.ColNames.Count; i++)
        {
            if (header.ColNames[i].Trim().Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                index = i;
                return true;
            }
        }

        index = -1;
        return false;
    }

    private static ImportProblem TooLong(int line) =>
        new(line, null, "a quoted value is not closed, so the rest of the file reads as one value; close the quote mark on this line or the next");

    private static ImportProblem NotUtf8(int line) =>
        new(line, null, "the file is not UTF-8 text; save it from your spreadsheet as \"CSV UTF-8\" and import it again");

    /// <summary>
    /// The enrolment whose register holds the mark: at the given school if the pupil is on its roll that day,
    /// otherwise the school the pupil is (mainly) registered at that day. Null when the pupil is on no such roll.
    /// </summary>
    private static Roll? RollOn(Pupil pupil, DateOnly date, int? given)
    {
        Roll? found = null;
        foreach (var roll in pupil.Rolls)
        {
            if (!roll.Covers(date) || (given is not null && roll.SchoolId != given))
            {
                continue;
            }

            if (found is null || (roll.Type != EnrolmentType.DualSubsidiary && found.Value.Type == EnrolmentType.DualSubsidiary))
            {
                found = roll;
            }
        }

        return found;
    }

    private async Task<Dictionary<string, Pupil>> LoadPupilsAsync(CancellationToken ct)
    {
        var pupils = new Dictionary<string, Pupil>(StringComparer.OrdinalIgnoreCase);
        var byId = new Dictionary<Guid, Pupil>();
        await foreach (var child in db.Children.AsNoTracking().Where(c => c.Upn != null).Select(c => new { c.Id, c.Upn }).AsAsyncEnumerable().WithCancellation(ct))
        {
            var pupil = new Pupil(child.Id, child.Upn!);
            pupils[child.Upn!] = pupil;
            byId[child.Id] = pupil;
        }

        await foreach (var e in db.Enrolments.AsNoTracking().Select(e => new { e.ChildId, e.SchoolId, e.StartDate, e.EndDate, e.Type })
                           .AsAsyncEnumerable().WithCancellation(ct))
        {
            if (byId.TryGetValue(e.ChildId, out var pupil))
            {
                pupil.Rolls.Add(new Roll(e.SchoolId, e.StartDate, e.EndDate, e.Type));
            }
        }

        return pupils;
    }

    /// <summary>The first <see cref="ProblemsListed"/> problems, and how many there were in all.</summary>
    private sealed class Problems
    {
        public List<ImportProblem> Listed { get; } = [];

        public int Count { get; private set; }

        public void Add(int line, string? column, string reason)
        {
            Count++;
            if (Listed.Count < ProblemsListed)
            {
                Listed.Add(new ImportProblem(line, column, reason));
            }
        }

        public void Add(ImportProblem problem) => Add(problem.Line, problem.Column, problem.Reason);
    }
}

/// <param name="UserId">The Waymark account the marks are loaded for, kept with every correction; null for a system feed.</param>
/// <param name="RecomputeWorklist">Recompute the worklist for the pupils whose marks changed (off only in the benchmark, which times it apart).</param>
public sealed record AttendanceImportOptions(string? UserId = null, bool RecomputeWorklist = true);

/// <summary>What an attendance import did; when <see cref="ProblemCount"/> is not 0, nothing was saved.</summary>
public sealed record AttendanceImportResult(long RowsRead, long New, long Changed, long Unchanged, IReadOnlyList<ImportProblem> Problems, int ProblemCount)
{
    public bool Succeeded => ProblemCount == 0;

    /// <summary>What the worklist recompute for the pupils whose marks changed did; null when nothing changed.</summary>
    public AlertRecompute? Worklist { get; init; }

    public static AttendanceImportResult Refused(long rows, params ImportProblem[] problems) => new(rows, 0, 0, 0, problems, problems.Length);
}
