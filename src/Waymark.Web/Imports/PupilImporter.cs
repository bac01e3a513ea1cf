using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Data.Entities;
using Waymark.Domain.Children;
using Waymark.Domain.Identifiers;
using Waymark.Web.Hosting;

namespace Waymark.Web.Imports;

/// <summary>
/// `waymark import pupils FILE.csv`: columns upn,forename,surname,dob,sex,urn,entry_date. Creates or
/// updates each pupil (matched by UPN) and their enrolment at the school. All or nothing: one bad row and
/// nothing is saved. Re-importing the same file changes nothing.
/// <para>A pupil already on roll elsewhere has moved: their open enrolment there ends the day before the
/// entry date, as the old school's register would show (dual subsidiary registrations, such as alternative
/// provision, are left alone). A pupil already on roll at the same school keeps that enrolment, with the
/// file's entry date. A file that would end an enrolment before it began — the pupil joined their current
/// school on or after this entry date, so the file is older than what Waymark knows — is refused.</para>
/// </summary>
public sealed class PupilImporter(WaymarkDbContext db, Auditing.Auditor auditor, TimeProvider clock)
{
    public static readonly string[] Columns = ["upn", "forename", "surname", "dob", "sex", "urn", "entry_date"];

    private const int NameLength = 100;

    private sealed record Row(int Line, string Upn, string Forename, string Surname, DateOnly DateOfBirth, Sex? Sex, int Urn, DateOnly EntryDate);

    public async Task<ImportResult> ImportAsync(Stream csv, string source, CancellationToken ct = default)
    {
        var problems = new List<ImportProblem>();
        var rows = new List<Row>();
        var today = clock.UkToday();
        using (var file = new CsvFile(csv))
        {
            if (!file.ReadHeader(Columns))
            {
                return new ImportResult(0, 0, 0, 0, file.Problems);
            }

            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            while (file.Read())
            {
                var line = file.Line;
                var row = ParseRow(file, line, today, problems);
                if (row is null)
                {
                    continue;
                }

                if (seen.TryGetValue(row.Upn, out var firstLine))
                {
                    problems.Add(new ImportProblem(line, "upn", $"UPN {row.Upn} is already on line {firstLine}"));
                    continue;
                }

                seen[row.Upn] = line;
                rows.Add(row);
            }

            problems.AddRange(file.Problems);
            if (rows.Count == 0 && problems.Count == 0)
            {
                problems.Add(new ImportProblem(file.Line, null, "the file has a header but no pupils"));
            }
        }

        var schools = await db.Schools.AsNoTracking().Select(s => new { s.Id, s.Urn }).ToDictionaryAsync(s => s.Urn, s => s.Id, ct);
        foreach (var row in rows.Where(r => !schools.ContainsKey(r.Urn)))
        {
            problems.Add(new ImportProblem(row.Line, "urn", $"there is no school with URN {row.Urn}; import it with 'waymark import schools' first"));
        }

        var existing = await LoadChildrenAsync(rows.Select(r => r.Upn), ct);
        var schoolUrns = schools.ToDictionary(s => s.Value, s => s.Key);
        foreach (var row in rows.Where(r => schools.ContainsKey(r.Urn) && existing.ContainsKey(r.Upn)))
        {
            var schoolId = schools[row.Urn];
            var enrolments = existing[row.Upn].Enrolments;
            if (enrolments.Any(e => e.SchoolId == schoolId && e.EndDate is null))
            {
                continue;
            }

            var conflict = enrolments
                .Where(e => e.EndDate is null && e.SchoolId != schoolId && e.Type != EnrolmentType.DualSubsidiary && e.StartDate >= row.EntryDate)
                .OrderBy(e => e.StartDate)
                .FirstOrDefault();
            if (conflict is not null)
            {
                problems.Add(new ImportProblem(row.Line, "entry_date", string.Create(CultureInfo.InvariantCulture,
                    $"UPN {row.Upn} has been on roll at URN {schoolUrns[conflict.SchoolId]} since {conflict.StartDate:yyyy-MM-dd}, " +
                    $"not before this entry date {row.EntryDate:yyyy-MM-dd}; the file may be older than Waymark's record")));
            }
        }

        // A replaced (e.g. temporary) UPN would otherwise create a second record for the same child.
        var newUpns = rows.Where(r => !existing.ContainsKey(r.Upn)).Select(r => r.Upn).ToList();
        var replaced = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var chunk in newUpns.Chunk(500))
        {
            foreach (var former in await db.FormerUpns.AsNoTracking().Where(f => chunk.Contains(f.Upn))
                         .Join(db.Children, f => f.ChildId, c => c.Id, (f, c) => new { f.Upn, Current = c.Upn }).ToListAsync(ct))
            {
                replaced[former.Upn] = former.Current ?? "(none recorded)";
            }
        }

        foreach (var row in rows.Where(r => replaced.ContainsKey(r.Upn)))
        {
            problems.Add(new ImportProblem(row.Line, "upn",
                $"UPN {row.Upn} has been replaced by {replaced[row.Upn]} for a pupil already in Waymark; use the current UPN"));
        }

        problems.Sort((a, b) => a.Line.CompareTo(b.Line));
        var parsedLines = rows.Select(r => r.Line).ToHashSet();
        var rowsRead = rows.Count + problems.Where(p => !parsedLines.Contains(p.Line)).Select(p => p.Line).Distinct().Count();
        if (problems.Count > 0)
        {
            return new ImportResult(rowsRead, 0, 0, 0, problems);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        int added = 0, updated = 0, unchanged = 0;
        foreach (var row in rows)
        {
            var schoolId = schools[row.Urn];
            if (!existing.TryGetValue(row.Upn, out var child))
            {
                child = new Child
                {
                    Id = Guid.NewGuid(), Upn = row.Upn, LegalForename = row.Forename, LegalSurname = row.Surname,
                    DateOfBirth = row.DateOfBirth, Sex = row.Sex ?? Sex.Unknown, CreatedAtUtc = now, UpdatedAtUtc = now,
                };
                child.RefreshSearchName();
                child.Enrolments.Add(new Enrolment { SchoolId = schoolId, StartDate = row.EntryDate, Type = EnrolmentType.Single });
                db.Children.Add(child);
                auditor.Record(AuditActions.PupilImported, child.Id, string.Create(CultureInfo.InvariantCulture,
                    $"added from {source} line {row.Line}, on roll at URN {row.Urn} from {row.EntryDate:yyyy-MM-dd}"));
                added++;
                continue;
            }

            var changes = Apply(child, row, schoolId, schoolUrns);
            if (changes.Count == 0)
            {
                unchanged++;
                continue;
            }

            child.UpdatedAtUtc = now;
            auditor.Record(AuditActions.PupilImported, child.Id,
                $"updated from {source} line {row.Line}: {string.Join("; ", changes)}");
            updated++;
        }

        if (added + updated > 0)
        {
            auditor.Record(AuditActions.PupilsImported, detail: $"{source}: {added} added, {updated} updated, {unchanged} unchanged");
            await db.SaveChangesAsync(ct);
        }

        return new ImportResult(rows.Count, added, updated, unchanged, []);
    }

    /// <summary>Brings the child in line with the row; returns what changed, for the audit log.</summary>
    private static List<string> Apply(Child child, Row row, int schoolId, Dictionary<int, int> schoolUrns)
    {
        var changes = new List<string>();
        if (child.LegalForename != row.Forename || child.LegalSurname != row.Surname)
        {
            child.LegalForename = row.Forename;
            child.LegalSurname = row.Surname;
            child.RefreshSearchName();
            changes.Add("name");
        }

        if (child.DateOfBirth != row.DateOfBirth)
        {
            child.DateOfBirth = row.DateOfBirth;
            changes.Add("date of birth");
        }

        // A blank sex is "not given in this file", not a change to unknown.
        if (row.Sex is { } sex && child.Sex != sex)
        {
            child.Sex = sex;
            changes.Add("sex");
        }

        var here = child.Enrolments.Where(e => e.SchoolId == schoolId && e.EndDate is null).OrderByDescending(e => e.StartDate).FirstOrDefault();
        if (here is not null)
        {
            if (here.StartDate != row.EntryDate)
            {
                changes.Add(string.Create(CultureInfo.InvariantCulture, $"entry date at URN {row.Urn} {here.StartDate:yyyy-MM-dd} to {row.EntryDate:yyyy-MM-dd}"));
                here.StartDate = row.EntryDate;
            }

            return changes;
        }

        // A move: the pupil leaves their other schools the day before joining this one.
        foreach (var old in child.Enrolments.Where(e => e.EndDate is null && e.Type != EnrolmentType.DualSubsidiary))
        {
            old.EndDate = row.EntryDate.AddDays(-1);
            changes.Add(string.Create(CultureInfo.InvariantCulture, $"left URN {schoolUrns[old.SchoolId]} on {old.EndDate:yyyy-MM-dd}"));
        }

        child.Enrolments.Add(new Enrolment { SchoolId = schoolId, StartDate = row.EntryDate, Type = EnrolmentType.Single });
        changes.Add(string.Create(CultureInfo.InvariantCulture, $"on roll at URN {row.Urn} from {row.EntryDate:yyyy-MM-dd}"));
        return changes;
    }

    private async Task<Dictionary<string, Child>> LoadChildrenAsync(IEnumerable<string> upns, CancellationToken ct)
    {
        var found = new Dictionary<string, Child>(StringComparer.Ordinal);
        // In chunks, so a file of a whole LA does not become one query with 200,000 parameters.
        foreach (var chunk in upns.Chunk(500))
        {
            var children = await db.Children.Include(c => c.Enrolments).Where(c => chunk.Contains(c.Upn!)).ToListAsync(ct);
            foreach (var child in children)
            {
                found[child.Upn!] = child;
            }
        }

        return found;
    }

    private static Row? ParseRow(CsvFile file, int line, DateOnly today, List<ImportProblem> problems)
    {
        var before = problems.Count;
        var upnText = file.Get("upn");
        var upnCheck = Upn.Validate(upnText);
        if (!upnCheck.IsValid)
        {
            problems.Add(new ImportProblem(line, "upn", upnText is null ? "UPN is missing" : $"'{upnText}': {upnCheck.Message}"));
        }

        var forename = Name(file, line, "forename", "forename", problems);
        var surname = Name(file, line, "surname", "surname", problems);

        var dob = Date(file, line, "dob", "date of birth", problems);
        if (dob is { } born && born > today)
        {
            problems.Add(new ImportProblem(line, "dob", $"date of birth {born:yyyy-MM-dd} is in the future"));
        }

        var sexText = file.Get("sex");
        Sex? sex = null;
        try
        {
            sex = sexText is null ? null : Sexes.FromCode(sexText);
        }
        catch (ArgumentException)
        {
            problems.Add(new ImportProblem(line, "sex", $"'{sexText}' is not a sex code (use F, M or U)"));
        }

        var urnText = file.Get("urn");
        var urn = 0;
        if (urnText is null || urnText.Length != 6 || !urnText.All(char.IsAsciiDigit) ||
            !int.TryParse(urnText, NumberStyles.None, CultureInfo.InvariantCulture, out urn) || !Urn.IsValid(urn))
        {
            problems.Add(new ImportProblem(line, "urn", urnText is null ? "URN is missing" : $"'{urnText}' is not a 6-digit URN"));
        }

        var entry = Date(file, line, "entry_date", "entry date", problems);
        if (entry is { } joined && dob is { } birth && joined <= birth)
        {
            problems.Add(new ImportProblem(line, "entry_date", $"entry date {joined:yyyy-MM-dd} is not after the date of birth {birth:yyyy-MM-dd}"));
        }

        return problems.Count > before
            ? null
            : new Row(line, Upn.Normalise(upnText!), forename!, surname!, dob!.Value, sex, urn, entry!.Value);
    }

    private static string? Name(CsvFile file, int line, string column, string label, List<ImportProblem> problems)
    {
        var value = file.Get(column);
        if (value is null)
        {
            problems.Add(new ImportProblem(line, column, $"{label} is missing"));
        }
        else if (value.Length > NameLength)
        {
            problems.Add(new ImportProblem(line, column, $"{label} must be {NameLength} characters or fewer"));
            return null;
        }
        else if (CsvFile.HasControlCharacters(value))
        {
            problems.Add(new ImportProblem(line, column, $"{label} must not contain control characters such as NUL, tabs or line breaks"));
            return null;
        }

        return value;
    }

    private static DateOnly? Date(CsvFile file, int line, string column, string label, List<ImportProblem> problems)
    {
        var text = file.Get(column);
        if (text is null)
        {
            problems.Add(new ImportProblem(line, column, $"{label} is missing"));
            return null;
        }

        if (!DateText.TryParse(text, out var date))
        {
            problems.Add(new ImportProblem(line, column, $"'{text}' is not a date ({DateText.Expected})"));
            return null;
        }

        return date;
    }
}
