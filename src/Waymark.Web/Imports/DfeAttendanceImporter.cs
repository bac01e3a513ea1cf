using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Data.Entities;
using Waymark.Domain.Benchmarking;

namespace Waymark.Web.Imports;

public sealed record DfeAttendanceImportResult
{
    public required IReadOnlyList<ImportProblem> Problems { get; init; }

    /// <summary>All the problems found, of which only the first <see cref="DfeAttendanceImporter.ProblemsKept"/> are listed.</summary>
    public int ProblemCount { get; init; }

    public bool Succeeded => ProblemCount == 0;

    public int Rows { get; init; }

    public int Added { get; init; }

    public int Updated { get; init; }

    public int Unchanged { get; init; }

    /// <summary>Rows held for the file's time periods that the file no longer has.</summary>
    public int Removed { get; init; }

    /// <summary>Figures marked as not published (c, x, z...), over all rows.</summary>
    public int NotPublished { get; init; }

    public IReadOnlyList<string> Periods { get; init; } = [];

    public int National { get; init; }

    public int Regional { get; init; }

    public int LocalAuthority { get; init; }
}

/// <summary>
/// `waymark import dfe-attendance`: DfE's published "Pupil attendance in schools" figures (Explore Education Statistics,
/// national, regional and LA rows by phase), kept exactly as published so the LA can be shown beside others. Every row
/// is checked, its sums too; all or nothing; the file replaces what is held for its time periods, so importing the
/// same file again changes nothing. See docs/benchmarking.md.
/// </summary>
public sealed class DfeAttendanceImporter(WaymarkDbContext db, Auditing.Auditor auditor, TimeProvider clock)
{
    public const string TimePeriodColumn = "time_period";
    public const string TimeIdentifierColumn = "time_identifier";
    public const string LevelColumn = "geographic_level";
    public const string CountryCodeColumn = "country_code";
    public const string CountryNameColumn = "country_name";
    public const string RegionCodeColumn = "region_code";
    public const string RegionNameColumn = "region_name";
    public const string LaCodeColumn = "new_la_code";
    public const string LaNameColumn = "la_name";
    public const string LaNumberColumn = "old_la_code";
    public const string PhaseColumn = "education_phase";
    public const string SchoolsColumn = "num_schools";
    public const string EnrolmentsColumn = "enrolments";
    public const string PossibleColumn = "possible_sessions";
    public const string AttendanceColumn = "overall_attendance";
    public const string PresentColumn = "present_sessions";
    public const string AeaColumn = "approved_educational_activity";
    public const string AbsenceColumn = "overall_absence";
    public const string AuthorisedColumn = "authorised_absence";
    public const string UnauthorisedColumn = "unauthorised_absence";
    public const string ReasonPresentColumn = "reason_present";
    public const string ReasonLateColumn = "reason_l_present_late_before_registers_closed";
    public const string AttendanceRateColumn = "attendance_perc";
    public const string AbsenceRateColumn = "overall_absence_perc";
    public const string AuthorisedRateColumn = "authorised_absence_perc";
    public const string UnauthorisedRateColumn = "unauthorised_absence_perc";
    public const string PersistentColumn = "pa_perc";

    public const int ProblemsKept = 200;

    /// <summary>How far a published rate may be from the one its own counts give, in percentage points (DfE publish ~15 digits).</summary>
    public const decimal RateTolerance = 0.000001m;

    public static readonly string[] Columns =
    [
        TimePeriodColumn, TimeIdentifierColumn, LevelColumn, CountryCodeColumn, CountryNameColumn, RegionCodeColumn, RegionNameColumn,
        LaCodeColumn, LaNameColumn, LaNumberColumn, PhaseColumn, SchoolsColumn, EnrolmentsColumn, PossibleColumn, AttendanceColumn,
        PresentColumn, AeaColumn, AbsenceColumn, AuthorisedColumn, UnauthorisedColumn, ReasonPresentColumn, ReasonLateColumn,
        AttendanceRateColumn, AbsenceRateColumn, AuthorisedRateColumn, UnauthorisedRateColumn, PersistentColumn,
    ];

    private static readonly string[] Counts =
        [PossibleColumn, AttendanceColumn, PresentColumn, AeaColumn, AbsenceColumn, AuthorisedColumn, UnauthorisedColumn, ReasonPresentColumn, ReasonLateColumn];

    private static readonly string[] Percentages = [AttendanceRateColumn, AbsenceRateColumn, AuthorisedRateColumn, UnauthorisedRateColumn, PersistentColumn];

    private sealed class Problems
    {
        public List<ImportProblem> Kept { get; } = [];

        public int Count { get; private set; }

        public void Add(int line, string? column, string reason)
        {
            Count++;
            if (Kept.Count < ProblemsKept)
            {
                Kept.Add(new ImportProblem(line, column, reason));
            }
        }
    }

    private sealed record Row(int Line, PublishedAttendance Figures, int NotPublished);

    public async Task<DfeAttendanceImportResult> ImportAsync(Stream file, string sourceName, IProgress<double>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        var totalBytes = file.CanSeek ? Math.Max(1, file.Length) : 0;
        var problems = new Problems();
        var rows = new List<Row>();
        var total = 0;
        using (var csv = new CsvFile(file))
        {
            if (csv.ReadHeader(Columns))
            {
                var seen = new Dictionary<(int, string, GeographicLevel, string, PublishedPhase), int>();
                while (csv.Read())
                {
                    total++;
                    if (totalBytes > 0 && total % 100 == 0)
                    {
                        progress?.Report((double)file.Position / totalBytes);
                    }

                    var row = ParseRow(csv, csv.Line, sourceName, problems);
                    if (row is null)
                    {
                        continue;
                    }

                    var f = row.Figures;
                    var key = (f.TimePeriod, f.TimeIdentifier, f.Level, f.AreaCode, f.Phase);
                    if (seen.TryGetValue(key, out var first))
                    {
                        problems.Add(row.Line, null,
                            $"{f.AreaName} ({PublishedStatistics.LevelName(f.Level)}, {f.Phase}, {f.TimePeriod}) is already on line {first}");
                        continue;
                    }

                    seen[key] = row.Line;
                    rows.Add(row);
                }
            }

            foreach (var p in csv.Problems)
            {
                problems.Add(p.Line, p.Column, p.Reason);
            }

            if (problems.Count == 0 && rows.Count == 0)
            {
                problems.Add(csv.Line, null, "the file has a header but no rows");
            }
        }

        if (problems.Count > 0)
        {
            return new DfeAttendanceImportResult { Problems = [.. problems.Kept.OrderBy(p => p.Line)], ProblemCount = problems.Count, Rows = total };
        }

        progress?.Report(0.95);
        var periods = rows.Select(r => (r.Figures.TimePeriod, r.Figures.TimeIdentifier)).Distinct().ToList();
        var periodNumbers = periods.Select(p => p.TimePeriod).Distinct().ToList();
        var held = (await db.PublishedAttendance.Where(p => periodNumbers.Contains(p.TimePeriod)).ToListAsync(ct))
            .Where(p => periods.Contains((p.TimePeriod, p.TimeIdentifier)))
            .ToDictionary(p => (p.TimePeriod, p.TimeIdentifier, p.Level, p.AreaCode, p.Phase));
        var (added, updated, unchanged) = (0, 0, 0);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var row in rows)
        {
            var f = row.Figures;
            if (!held.Remove((f.TimePeriod, f.TimeIdentifier, f.Level, f.AreaCode, f.Phase), out var existing))
            {
                f.ImportedAtUtc = now;
                db.PublishedAttendance.Add(f);
                added++;
            }
            else if (SameFigures(existing, f))
            {
                unchanged++;
            }
            else
            {
                Copy(f, existing);
                existing.SourceFile = sourceName;
                existing.ImportedAtUtc = now;
                updated++;
            }
        }

        db.PublishedAttendance.RemoveRange(held.Values);
        var periodNames = periods.Select(p => $"{PublishedStatistics.PeriodName(p.TimePeriod)} ({p.TimeIdentifier})").ToList();
        if (added + updated + held.Count > 0)
        {
            auditor.Record(AuditActions.PublishedAttendanceImported,
                detail: $"{sourceName}, {string.Join(", ", periodNames)}: {added} added, {updated} updated, {held.Count} removed, {unchanged} unchanged");
            await db.SaveChangesAsync(ct);
        }

        progress?.Report(1);
        return new DfeAttendanceImportResult
        {
            Problems = [],
            Rows = total,
            Added = added,
            Updated = updated,
            Unchanged = unchanged,
            Removed = held.Count,
            NotPublished = rows.Sum(r => r.NotPublished),
            Periods = periodNames,
            National = rows.Count(r => r.Figures.Level == GeographicLevel.National),
            Regional = rows.Count(r => r.Figures.Level == GeographicLevel.Regional),
            LocalAuthority = rows.Count(r => r.Figures.Level == GeographicLevel.LocalAuthority),
        };
    }

    private static Row? ParseRow(CsvFile csv, int line, string sourceName, Problems problems)
    {
        var before = problems.Count;
        void Problem(string column, string reason) => problems.Add(line, column, reason);

        string Text(string column, int max)
        {
            var value = csv.Get(column);
            if (value is null)
            {
                Problem(column, "is empty");
                return "";
            }

            if (value.Length > max || CsvFile.HasControlCharacters(value))
            {
                Problem(column, $"'{Shorten(value)}' is not a name or code (longer than {max} characters, or holds a control character)");
                return "";
            }

            return value;
        }

        var periodText = csv.Get(TimePeriodColumn) ?? "";
        var timePeriod = 0;
        if (PublishedStatistics.AcademicYearStart(periodText) is null)
        {
            Problem(TimePeriodColumn, $"'{Shorten(periodText)}' is not a DfE academic-year time period such as 202526");
        }
        else
        {
            timePeriod = int.Parse(periodText, CultureInfo.InvariantCulture);
        }

        var identifier = Text(TimeIdentifierColumn, 60);
        var levelText = csv.Get(LevelColumn) ?? "";
        var level = PublishedStatistics.ParseLevel(levelText);
        if (level is null)
        {
            Problem(LevelColumn, $"'{Shorten(levelText)}' is not a geographic level Waymark reads; expected National, Regional or Local authority");
        }

        var phaseText = csv.Get(PhaseColumn) ?? "";
        var phase = PublishedStatistics.ParsePhase(phaseText);
        if (phase is null)
        {
            Problem(PhaseColumn, $"'{Shorten(phaseText)}' is not an education phase; expected Primary, Secondary, Special or Total");
        }

        string areaCode = "", areaName = "";
        string? regionCode = null, regionName = null;
        int? laNumber = null;
        switch (level)
        {
            case GeographicLevel.National:
                (areaCode, areaName) = (Text(CountryCodeColumn, 20), Text(CountryNameColumn, 200));
                break;
            case GeographicLevel.Regional:
                (areaCode, areaName) = (Text(RegionCodeColumn, 20), Text(RegionNameColumn, 200));
                (regionCode, regionName) = (areaCode, areaName);
                break;
            case GeographicLevel.LocalAuthority:
                (areaCode, areaName) = (Text(LaCodeColumn, 20), Text(LaNameColumn, 200));
                (regionCode, regionName) = (Text(RegionCodeColumn, 20), Text(RegionNameColumn, 200));
                var numberText = csv.Get(LaNumberColumn) ?? "";
                if (numberText.Length != 3 || !numberText.All(char.IsAsciiDigit))
                {
                    Problem(LaNumberColumn, $"'{Shorten(numberText)}' is not a 3-digit DfE LA number");
                }
                else
                {
                    laNumber = int.Parse(numberText, CultureInfo.InvariantCulture);
                }

                break;
        }

        var notPublished = 0;
        decimal? Number(string column, bool whole, decimal? max = null)
        {
            var text = csv.Get(column);
            if (text is null)
            {
                Problem(column, $"is empty; DfE mark a figure that is not published with a symbol such as c, x or z");
                return null;
            }

            if (PublishedStatistics.IsNotPublished(text))
            {
                notPublished++;
                return null;
            }

            if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var value))
            {
                Problem(column, $"'{Shorten(text)}' is not a number (nor c, x, z or another DfE symbol for a figure not published)");
                return null;
            }

            if (whole && value != decimal.Truncate(value))
            {
                Problem(column, $"'{Shorten(text)}' is not a whole number of sessions");
                return null;
            }

            if (max is decimal m && value > m)
            {
                Problem(column, $"'{Shorten(text)}' is more than {m}%");
                return null;
            }

            return value;
        }

        var counts = Counts.ToDictionary(c => c, c => Number(c, whole: true) is decimal d ? (long?)(long)d : null);
        var rates = Percentages.ToDictionary(c => c, c => Number(c, whole: false, max: 100));
        var schools = Number(SchoolsColumn, whole: false);
        var enrolments = Number(EnrolmentsColumn, whole: false);
        if (problems.Count > before)
        {
            return null;
        }

        // The sums DfE's own figures keep (samples README): a row that breaks one is not the file it claims to be.
        void Sum(string total, params string[] parts)
        {
            if (counts[total] is long t && parts.All(p => counts[p] is not null) && parts.Sum(p => counts[p]!.Value) != t)
            {
                Problem(total, $"{t} is not {string.Join(" + ", parts)} ({string.Join(" + ", parts.Select(p => counts[p]))} = {parts.Sum(p => counts[p]!.Value)})");
            }
        }

        Sum(PossibleColumn, AttendanceColumn, AbsenceColumn);
        Sum(AttendanceColumn, PresentColumn, AeaColumn);
        Sum(PresentColumn, ReasonPresentColumn, ReasonLateColumn);
        Sum(AbsenceColumn, AuthorisedColumn, UnauthorisedColumn);

        void Rate(string rate, string part)
        {
            if (rates[rate] is decimal r && counts[part] is long n && counts[PossibleColumn] is long possible && possible > 0
                && Math.Abs(r - (n * 100m / possible)) > RateTolerance)
            {
                Problem(rate, $"{r} is not {part} as a percentage of {PossibleColumn} ({n * 100m / possible:0.######})");
            }
        }

        Rate(AttendanceRateColumn, AttendanceColumn);
        Rate(AbsenceRateColumn, AbsenceColumn);
        Rate(AuthorisedRateColumn, AuthorisedColumn);
        Rate(UnauthorisedRateColumn, UnauthorisedColumn);
        if (problems.Count > before)
        {
            return null;
        }

        return new Row(line, new PublishedAttendance
        {
            TimePeriod = timePeriod,
            TimeIdentifier = identifier,
            Level = level!.Value,
            AreaCode = areaCode,
            AreaName = areaName,
            LaNumber = laNumber,
            RegionCode = regionCode,
            RegionName = regionName,
            Phase = phase!.Value,
            Schools = schools,
            Enrolments = enrolments,
            PossibleSessions = counts[PossibleColumn],
            OverallAttendance = counts[AttendanceColumn],
            PresentSessions = counts[PresentColumn],
            ApprovedEducationalActivity = counts[AeaColumn],
            OverallAbsence = counts[AbsenceColumn],
            AuthorisedAbsence = counts[AuthorisedColumn],
            UnauthorisedAbsence = counts[UnauthorisedColumn],
            AttendanceRate = rates[AttendanceRateColumn],
            OverallAbsenceRate = rates[AbsenceRateColumn],
            AuthorisedAbsenceRate = rates[AuthorisedRateColumn],
            UnauthorisedAbsenceRate = rates[UnauthorisedRateColumn],
            PersistentAbsenceRate = rates[PersistentColumn],
            SourceFile = sourceName.Length > 260 ? sourceName[..260] : sourceName,
        }, notPublished);
    }

    private static string Shorten(string value) => value.Length > 40 ? value[..40] + "..." : value;

    private static bool SameFigures(PublishedAttendance a, PublishedAttendance b) =>
        a.AreaName == b.AreaName && a.LaNumber == b.LaNumber && a.RegionCode == b.RegionCode && a.RegionName == b.RegionName
        && a.Schools == b.Schools && a.Enrolments == b.Enrolments && a.PossibleSessions == b.PossibleSessions
        && a.OverallAttendance == b.OverallAttendance && a.PresentSessions == b.PresentSessions
        && a.ApprovedEducationalActivity == b.ApprovedEducationalActivity && a.OverallAbsence == b.OverallAbsence
        && a.AuthorisedAbsence == b.AuthorisedAbsence && a.UnauthorisedAbsence == b.UnauthorisedAbsence
        && a.AttendanceRate == b.AttendanceRate && a.OverallAbsenceRate == b.OverallAbsenceRate
        && a.AuthorisedAbsenceRate == b.AuthorisedAbsenceRate && a.UnauthorisedAbsenceRate == b.UnauthorisedAbsenceRate
        && a.PersistentAbsenceRate == b.PersistentAbsenceRate;

    private static void Copy(PublishedAttendance from, PublishedAttendance to)
    {
        (to.AreaName, to.LaNumber, to.RegionCode, to.RegionName) = (from.AreaName, from.LaNumber, from.RegionCode, from.RegionName);
        (to.Schools, to.Enrolments, to.PossibleSessions, to.OverallAttendance) = (from.Schools, from.Enrolments, from.PossibleSessions, from.OverallAttendance);
        (to.PresentSessions, to.ApprovedEducationalActivity, to.OverallAbsence) = (from.PresentSessions, from.ApprovedEducationalActivity, from.OverallAbsence);
        (to.AuthorisedAbsence, to.UnauthorisedAbsence, to.AttendanceRate) = (from.AuthorisedAbsence, from.UnauthorisedAbsence, from.AttendanceRate);
        (to.OverallAbsenceRate, to.AuthorisedAbsenceRate, to.UnauthorisedAbsenceRate) = (from.OverallAbsenceRate, from.AuthorisedAbsenceRate, from.UnauthorisedAbsenceRate);
        to.PersistentAbsenceRate = from.PersistentAbsenceRate;
    }
}
