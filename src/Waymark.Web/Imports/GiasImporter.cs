using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Data.Access;
using Waymark.Data.Entities;
using Waymark.Domain.Identifiers;
using Waymark.Domain.Schools;
using Waymark.Web.Hosting;

namespace Waymark.Web.Imports;

/// <param name="LaCode">Load this LA's establishments (and refresh any school already in the register); null loads every row.</param>
public sealed record GiasImportOptions(int? LaCode);

public sealed record GiasImportResult
{
    public required IReadOnlyList<ImportProblem> EstablishmentProblems { get; init; }

    public required IReadOnlyList<ImportProblem> LinkProblems { get; init; }

    /// <summary>All the problems found, of which only the first <see cref="GiasImporter.ProblemsKept"/> per file are listed.</summary>
    public int ProblemCount { get; init; }

    public bool Succeeded => ProblemCount == 0;

    public int Rows { get; init; }

    /// <summary>Rows for other local authorities' establishments not already in the register.</summary>
    public int OtherLocalAuthorities { get; init; }

    /// <summary>URNs of establishments with no establishment number (not schools Waymark can hold).</summary>
    public IReadOnlyList<int> WithoutNumber { get; init; } = [];

    public int Added { get; init; }

    public int Updated { get; init; }

    /// <summary>Schools this import marked closed (not also counted as updated).</summary>
    public int Closed { get; init; }

    public int Unchanged { get; init; }

    /// <summary>Schools in the register that the file does not mention: left as they were.</summary>
    public int NotInFile { get; init; }

    public bool LinksRead { get; init; }

    public int LinkRows { get; init; }

    /// <summary>Link rows whose school is not in the register.</summary>
    public int LinksSkipped { get; init; }

    public int LinksAdded { get; init; }

    public int LinksUpdated { get; init; }

    public int LinksRemoved { get; init; }

    public int LinksUnchanged { get; init; }

    /// <summary>Closed schools with pupils still on roll or staff still signing in, for the administrator to act on.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}

/// <summary>
/// `waymark import gias`: the school register from the GIAS establishment extract (edubasealldataYYYYMMDD.csv) and,
/// optionally, its links file (links_edubasealldataYYYYMMDD.csv). Both come in Windows-1252 with ~140 columns in
/// GIAS's own order; only the columns Waymark holds are read, in any order. All or nothing across both files.
/// Importing the same files again changes nothing. A school is never deleted: one missing from a later extract stays
/// as it was, and a closed school stays closed.
/// </summary>
public sealed class GiasImporter(WaymarkDbContext db, Auditing.Auditor auditor, TimeProvider clock)
{
    public const string UrnColumn = "URN";
    public const string LaCodeColumn = "LA (code)";
    public const string NumberColumn = "EstablishmentNumber";
    public const string NameColumn = "EstablishmentName";
    public const string TypeColumn = "TypeOfEstablishment (name)";
    public const string PhaseColumn = "PhaseOfEducation (name)";
    public const string StatusColumn = "EstablishmentStatus (name)";
    public const string OpenDateColumn = "OpenDate";
    public const string CloseDateColumn = "CloseDate";
    public const string PostcodeColumn = "Postcode";

    public const string LinkUrnColumn = "LinkURN";
    public const string LinkNameColumn = "LinkName";
    public const string LinkTypeColumn = "LinkType";
    public const string LinkDateColumn = "LinkEstablishedDate";

    /// <summary>Problems listed per file; the rest are counted.</summary>
    public const int ProblemsKept = 200;

    private const int ProgressEveryRows = 500;

    private static readonly string[] AddressColumns = ["Street", "Locality", "Address3", "Town", "County (name)"];

    public static readonly string[] EstablishmentColumns =
    [
        UrnColumn, LaCodeColumn, NumberColumn, NameColumn, TypeColumn, PhaseColumn, StatusColumn, OpenDateColumn, CloseDateColumn,
        .. AddressColumns, PostcodeColumn,
    ];

    public static readonly string[] LinkColumns = [UrnColumn, LinkUrnColumn, LinkNameColumn, LinkTypeColumn, LinkDateColumn];

    private sealed record Row(
        int Line, int Urn, int LaCode, int EstablishmentNumber, string Name, string Type, SchoolPhase Phase, SchoolStatus Status,
        DateOnly? OpenDate, DateOnly? CloseDate, string?[] Address, string? Postcode);

    private sealed record LinkRow(int Line, int Urn, int LinkedUrn, string? LinkedName, string LinkType, DateOnly? EstablishedOn);

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

        public void AddRange(IEnumerable<ImportProblem> problems)
        {
            foreach (var p in problems)
            {
                Add(p.Line, p.Column, p.Reason);
            }
        }
    }

    /// <param name="establishments">The establishment extract; seekable (a file), as its encoding is found by reading it first.</param>
    /// <param name="links">The links file, or null to leave the links as they are.</param>
    /// <param name="progress">Told the fraction of the files read, now and then; for a terminal's progress bar.</param>
    public async Task<GiasImportResult> ImportAsync(Stream establishments, Stream? links, GiasImportOptions options,
        IProgress<double>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(establishments);
        ArgumentNullException.ThrowIfNull(options);
        var totalBytes = Math.Max(1, establishments.Length + (links?.Length ?? 0));
        var existing = await db.Schools.ToDictionaryAsync(s => s.Urn, ct);

        // Establishments: every row in scope is checked, and each problem is named by line and column.
        var schoolProblems = new Problems();
        var rows = new List<Row>();
        var withoutNumber = new List<int>();
        var (total, otherLas) = (0, 0);
        using (var file = new CsvFile(establishments, CsvFile.DetectEncoding(establishments)))
        {
            if (file.ReadHeader(EstablishmentColumns))
            {
                var seen = new Dictionary<int, int>();
                while (file.Read())
                {
                    total++;
                    if (total % ProgressEveryRows == 0)
                    {
                        progress?.Report((double)establishments.Position / totalBytes);
                    }

                    var line = file.Line;
                    if (!InScope(file, options, existing))
                    {
                        otherLas++;
                        continue;
                    }

                    if (file.Get(NumberColumn) is null && ReadUrn(file.Get(UrnColumn)) is int numberless)
                    {
                        withoutNumber.Add(numberless);
                        continue;
                    }

                    var row = ParseRow(file, line, schoolProblems);
                    if (row is null)
                    {
                        continue;
                    }

                    if (seen.TryGetValue(row.Urn, out var firstLine))
                    {
                        schoolProblems.Add(line, UrnColumn, $"URN {row.Urn} is already on line {firstLine}");
                        continue;
                    }

                    if (existing.TryGetValue(row.Urn, out var held) && held.Status == SchoolStatus.Closed && row.Status != SchoolStatus.Closed)
                    {
                        schoolProblems.Add(line, StatusColumn,
                            $"URN {row.Urn} ({held.Name}) is closed in Waymark but '{SchoolStatuses.DisplayName(row.Status)}' here; GIAS gives a " +
                            "school that reopens a new URN, so this file is probably older than the one imported before");
                        continue;
                    }

                    seen[row.Urn] = line;
                    rows.Add(row);
                }
            }

            schoolProblems.AddRange(file.Problems);
            if (schoolProblems.Count == 0 && rows.Count == 0 && withoutNumber.Count == 0)
            {
                schoolProblems.Add(file.Line, null, total == 0
                    ? "the file has a header but no establishments"
                    : options.LaCode is int la
                        ? $"none of the {total:N0} establishments is in LA {la:D3}, the local authority Waymark serves (give --all-las to load them all)"
                        : "the file has a header but no establishments");
            }
        }

        // Links: only rows about a school in the register (as it will be after this import) are read.
        var linkProblems = new Problems();
        var linkRows = new List<LinkRow>();
        var (linkTotal, linksSkipped) = (0, 0);
        var register = new HashSet<int>(existing.Keys);
        register.UnionWith(rows.Select(r => r.Urn));
        if (links is not null)
        {
            using var file = new CsvFile(links, CsvFile.DetectEncoding(links));
            if (file.ReadHeader(LinkColumns))
            {
                var seen = new Dictionary<(int, int), int>();
                while (file.Read())
                {
                    linkTotal++;
                    if (linkTotal % ProgressEveryRows == 0)
                    {
                        progress?.Report((double)(establishments.Length + links.Position) / totalBytes);
                    }

                    if (ReadUrn(file.Get(UrnColumn)) is not int urn || !register.Contains(urn))
                    {
                        linksSkipped++;
                        continue;
                    }

                    var line = file.Line;
                    var link = ParseLink(file, line, urn, linkProblems);
                    if (link is null)
                    {
                        continue;
                    }

                    if (seen.TryGetValue((link.Urn, link.LinkedUrn), out var firstLine))
                    {
                        linkProblems.Add(line, LinkUrnColumn, $"the link from URN {link.Urn} to URN {link.LinkedUrn} is already on line {firstLine}");
                        continue;
                    }

                    seen[(link.Urn, link.LinkedUrn)] = line;
                    linkRows.Add(link);
                }
            }

            linkProblems.AddRange(file.Problems);
        }

        if (schoolProblems.Count + linkProblems.Count > 0)
        {
            return new GiasImportResult
            {
                EstablishmentProblems = [.. schoolProblems.Kept.OrderBy(p => p.Line)],
                LinkProblems = [.. linkProblems.Kept.OrderBy(p => p.Line)],
                ProblemCount = schoolProblems.Count + linkProblems.Count,
                Rows = total,
                LinkRows = linkTotal,
            };
        }

        progress?.Report(0.95);
        var (added, updated, closed, unchanged) = (0, 0, 0, 0);
        var byUrn = new Dictionary<int, School>(existing);
        foreach (var row in rows)
        {
            if (!existing.TryGetValue(row.Urn, out var school))
            {
                school = new School { Urn = row.Urn, Name = row.Name, Type = row.Type };
                Apply(school, row);
                db.Schools.Add(school);
                byUrn[row.Urn] = school;
                added++;
            }
            else if (!Same(school, row))
            {
                var closing = school.Status != SchoolStatus.Closed && row.Status == SchoolStatus.Closed;
                Apply(school, row);
                if (closing)
                {
                    closed++;
                }
                else
                {
                    updated++;
                }
            }
            else
            {
                unchanged++;
            }
        }

        var (linksAdded, linksUpdated, linksRemoved, linksUnchanged) = (0, 0, 0, 0);
        if (links is not null)
        {
            // Each school the links file speaks of gets exactly the file's links; others keep theirs.
            var held = (await db.SchoolLinks.ToListAsync(ct)).ToLookup(l => l.SchoolId);
            foreach (var group in linkRows.GroupBy(l => l.Urn))
            {
                var school = byUrn[group.Key];
                var current = held[school.Id].ToDictionary(l => l.LinkedUrn); // none for a school added just now (Id 0)
                foreach (var row in group)
                {
                    if (!current.Remove(row.LinkedUrn, out var link))
                    {
                        school.Links.Add(new SchoolLink
                        {
                            School = school, LinkedUrn = row.LinkedUrn, LinkedName = row.LinkedName, LinkType = row.LinkType, EstablishedOn = row.EstablishedOn,
                        });
                        linksAdded++;
                    }
                    else if (link.LinkedName != row.LinkedName || link.LinkType != row.LinkType || link.EstablishedOn != row.EstablishedOn)
                    {
                        (link.LinkedName, link.LinkType, link.EstablishedOn) = (row.LinkedName, row.LinkType, row.EstablishedOn);
                        linksUpdated++;
                    }
                    else
                    {
                        linksUnchanged++;
                    }
                }

                db.SchoolLinks.RemoveRange(current.Values);
                linksRemoved += current.Count;
            }
        }

        var inFile = rows.Select(r => r.Urn).Concat(withoutNumber).ToHashSet();
        var notInFile = existing.Keys.Count(urn => !inFile.Contains(urn));
        if (added + updated + closed + linksAdded + linksUpdated + linksRemoved > 0)
        {
            auditor.Record(AuditActions.SchoolsImported,
                detail: $"GIAS: {added} added, {updated} updated, {closed} closed, {unchanged} unchanged; " +
                        $"links {linksAdded} added, {linksUpdated} updated, {linksRemoved} removed");
        }

        await db.SaveChangesAsync(ct);
        progress?.Report(1);
        return new GiasImportResult
        {
            EstablishmentProblems = [],
            LinkProblems = [],
            Rows = total,
            OtherLocalAuthorities = otherLas,
            WithoutNumber = withoutNumber,
            Added = added,
            Updated = updated,
            Closed = closed,
            Unchanged = unchanged,
            NotInFile = notInFile,
            LinksRead = links is not null,
            LinkRows = linkTotal,
            LinksSkipped = linksSkipped,
            LinksAdded = linksAdded,
            LinksUpdated = linksUpdated,
            LinksRemoved = linksRemoved,
            LinksUnchanged = linksUnchanged,
            Warnings = await WarningsAsync(ct),
        };
    }

    /// <summary>
    /// Closed schools that pupils are still on roll at, or whose staff still have accounts: after a conversion the
    /// pupils come to the successor with the next pupil import, and staff accounts are moved by an administrator.
    /// Waymark never moves either itself (see docs/gias.md).
    /// </summary>
    private async Task<IReadOnlyList<string>> WarningsAsync(CancellationToken ct)
    {
        var today = clock.UkToday();
        var current = CurrentOn.Enrolment(today);
        var closed = await db.Schools.AsNoTracking()
            .Where(s => s.Status == SchoolStatus.Closed
                        && (s.Enrolments.AsQueryable().Any(current) || db.Users.Any(u => u.SchoolId == s.Id && u.IsActive)))
            .OrderBy(s => s.Urn)
            .Select(s => new
            {
                s.Urn,
                s.Name,
                Pupils = s.Enrolments.AsQueryable().Count(current),
                Staff = db.Users.Count(u => u.SchoolId == s.Id && u.IsActive),
                Links = s.Links.Select(l => new { l.LinkedUrn, l.LinkType }).ToList(),
            })
            .ToListAsync(ct);
        return closed.Select(s =>
        {
            var what = string.Join(" and ", new[]
            {
                s.Pupils > 0 ? $"{s.Pupils:N0} pupil(s) still on roll" : null,
                s.Staff > 0 ? $"{s.Staff:N0} active user account(s)" : null,
            }.Where(x => x is not null));
            var successors = s.Links.Where(l => SchoolLinkTypes.Direction(l.LinkType) == SchoolLinkDirection.Successor).Select(l => l.LinkedUrn).Order().ToList();
            var next = successors.Count > 0 ? $" (successor: URN {string.Join(", ", successors)})" : "";
            return $"URN {s.Urn} {s.Name} is closed but has {what}{next}";
        }).ToList();
    }

    private static bool InScope(CsvFile file, GiasImportOptions options, Dictionary<int, School> existing)
    {
        if (options.LaCode is not int la)
        {
            return true;
        }

        var laText = file.Get(LaCodeColumn);
        return (laText is not null && IsDigits(laText, 3) && int.Parse(laText, CultureInfo.InvariantCulture) == la)
            || (ReadUrn(file.Get(UrnColumn)) is int urn && existing.ContainsKey(urn));
    }

    private static void Apply(School school, Row row)
    {
        school.LaCode = row.LaCode;
        school.EstablishmentNumber = row.EstablishmentNumber;
        school.Name = row.Name;
        school.Type = row.Type;
        school.Phase = row.Phase;
        school.Status = row.Status;
        school.OpenDate = row.OpenDate;
        school.CloseDate = row.CloseDate;
        (school.Street, school.Locality, school.Address3, school.Town, school.County) = (row.Address[0], row.Address[1], row.Address[2], row.Address[3], row.Address[4]);
        school.Postcode = row.Postcode;
    }

    private static bool Same(School school, Row row) =>
        school.LaCode == row.LaCode && school.EstablishmentNumber == row.EstablishmentNumber && school.Name == row.Name
        && school.Type == row.Type && school.Phase == row.Phase && school.Status == row.Status
        && school.OpenDate == row.OpenDate && school.CloseDate == row.CloseDate
        && school.Street == row.Address[0] && school.Locality == row.Address[1] && school.Address3 == row.Address[2]
        && school.Town == row.Address[3] && school.County == row.Address[4] && school.Postcode == row.Postcode;

    private static Row? ParseRow(CsvFile file, int line, Problems problems)
    {
        var before = problems.Count;
        var urnText = file.Get(UrnColumn);
        var urn = ReadUrn(urnText);
        if (urn is null)
        {
            problems.Add(line, UrnColumn, urnText is null ? "URN is missing" : $"'{urnText}' is not a 6-digit URN");
        }

        // Any 3-digit number: GIAS is the authority on LA codes, and has ones (new unitary councils) that UPNs do not.
        var laText = file.Get(LaCodeColumn);
        var laCode = 0;
        if (laText is null || !IsDigits(laText, 3))
        {
            problems.Add(line, LaCodeColumn, laText is null ? "LA code is missing" : $"'{laText}' is not a 3-digit LA code");
        }
        else
        {
            laCode = int.Parse(laText, CultureInfo.InvariantCulture);
        }

        var numberText = file.Get(NumberColumn);
        var number = 0;
        if (numberText is null || !IsDigits(numberText, 4))
        {
            problems.Add(line, NumberColumn, numberText is null ? "establishment number is missing" : $"'{numberText}' is not a 4-digit establishment number");
        }
        else
        {
            number = int.Parse(numberText, CultureInfo.InvariantCulture);
        }

        var name = Text(file, line, NameColumn, 200, "establishment name", problems, required: true);
        var type = Text(file, line, TypeColumn, 100, "type of establishment", problems, required: true);

        var phaseText = file.Get(PhaseColumn);
        if (!SchoolPhases.TryParse(phaseText ?? "", out var phase))
        {
            problems.Add(line, PhaseColumn, phaseText is null
                ? "phase of education is missing"
                : $"'{phaseText}' is not a GIAS phase of education (one of: {string.Join(", ", SchoolPhases.All.Select(SchoolPhases.DisplayName))})");
        }

        var statusText = file.Get(StatusColumn);
        if (!SchoolStatuses.TryParse(statusText, out var status))
        {
            problems.Add(line, StatusColumn, statusText is null
                ? "establishment status is missing"
                : $"'{statusText}' is not a GIAS establishment status (one of: {string.Join("; ", SchoolStatuses.All.Select(SchoolStatuses.DisplayName))})");
        }

        var openDate = Date(file, line, OpenDateColumn, problems);
        var closeDate = Date(file, line, CloseDateColumn, problems);
        var address = AddressColumns.Select(c => Text(file, line, c, 200, "address line", problems, required: false)).ToArray();
        var postcode = Text(file, line, PostcodeColumn, 10, "postcode", problems, required: false);

        return problems.Count > before
            ? null
            : new Row(line, urn!.Value, laCode, number, name!, type!, phase, status, openDate, closeDate, address, postcode);
    }

    private static LinkRow? ParseLink(CsvFile file, int line, int urn, Problems problems)
    {
        var before = problems.Count;
        var linkedText = file.Get(LinkUrnColumn);
        var linked = ReadUrn(linkedText);
        if (linked is null)
        {
            problems.Add(line, LinkUrnColumn, linkedText is null ? "the linked URN is missing" : $"'{linkedText}' is not a 6-digit URN");
        }
        else if (linked == urn)
        {
            problems.Add(line, LinkUrnColumn, $"URN {urn} is linked to itself");
        }

        var name = Text(file, line, LinkNameColumn, 200, "linked establishment's name", problems, required: false);
        var type = Text(file, line, LinkTypeColumn, SchoolLinkTypes.MaxLength, "link type", problems, required: true);
        var date = Date(file, line, LinkDateColumn, problems);
        return problems.Count > before ? null : new LinkRow(line, urn, linked!.Value, name, type!, date);
    }

    private static string? Text(CsvFile file, int line, string column, int maxLength, string what, Problems problems, bool required)
    {
        var value = file.Get(column);
        if (value is null)
        {
            if (required)
            {
                problems.Add(line, column, $"{what} is missing");
            }

            return null;
        }

        if (value.Length > maxLength)
        {
            problems.Add(line, column, $"{what} must be {maxLength} characters or fewer");
            return null;
        }

        if (CsvFile.HasControlCharacters(value))
        {
            problems.Add(line, column, $"{what} must not contain control characters such as NUL, tabs or line breaks");
            return null;
        }

        return value;
    }

    private static DateOnly? Date(CsvFile file, int line, string column, Problems problems)
    {
        var text = file.Get(column);
        if (text is null)
        {
            return null;
        }

        if (TryParseDate(text, out var date))
        {
            return date;
        }

        problems.Add(line, column, $"'{text}' is not a date (GIAS writes dd-mm-yyyy)");
        return null;
    }

    /// <summary>GIAS's dd-mm-yyyy (its oldest schools opened in 1800), or what a spreadsheet saves: dd/mm/yyyy or yyyy-mm-dd.</summary>
    public static bool TryParseDate(string text, out DateOnly date)
    {
        date = default;
        var t = text.Trim();
        if (t.Length == 10 && t[2] == '-' && t[5] == '-')
        {
            if (!IsDigits(t[..2], 2) || !IsDigits(t[3..5], 2) || !IsDigits(t[6..], 4))
            {
                return false;
            }

            var (day, month, year) = (int.Parse(t[..2], CultureInfo.InvariantCulture), int.Parse(t[3..5], CultureInfo.InvariantCulture),
                int.Parse(t[6..], CultureInfo.InvariantCulture));
            if (year < 1800 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
            {
                return false;
            }

            date = new DateOnly(year, month, day);
            return true;
        }

        return DateText.TryParse(t, out date);
    }

    private static int? ReadUrn(string? text) =>
        text is not null && IsDigits(text, 6) && int.Parse(text, CultureInfo.InvariantCulture) is var urn && Urn.IsValid(urn) ? urn : null;

    private static bool IsDigits(string text, int length) => text.Length == length && text.All(char.IsAsciiDigit);
}
