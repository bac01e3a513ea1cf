using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Data.Attendance;
using Waymark.Data.Entities;
using Waymark.Domain.Children;
using Waymark.Domain.CommonTransfer;
using Waymark.Web.Hosting;

namespace Waymark.Web.Imports.Ctf;

/// <param name="UserId">The Waymark account the files are loaded for, kept with every attendance correction and audit entry.</param>
/// <param name="AllowTotalsMismatch">
/// Import even when a YearData's session totals disagree with its marks (each disagreement is still reported). Off by
/// default: a disagreement usually means marks lost or changed on the way, and the file is refused whole.
/// </param>
/// <param name="RecomputeWorklist">Recompute the attendance worklist for the pupils whose marks changed (as the CSV import does).</param>
public sealed record CtfImportOptions(string? UserId = null, bool AllowTotalsMismatch = false, CtfLimits? Limits = null, bool RecomputeWorklist = true);

/// <summary>A file to import: its name (for messages and the audit) and how to open it.</summary>
public sealed record CtfSource(string Name, Func<Stream> Open);

/// <summary>A problem (or, for totals when they are allowed to differ, a warning) in one file.</summary>
public sealed record CtfFileProblem(string File, CtfProblem Problem)
{
    public override string ToString() => $"{File}: {Problem}";
}

/// <summary>What one file did.</summary>
public sealed record CtfFileSummary(string Name, string From, string To, int Pupils, int Added, int Updated, int Unchanged, int YearsNotStored);

/// <summary>What `waymark import ctf` did; when <see cref="Problems"/> is not empty, nothing was saved.</summary>
public sealed record CtfImportResult(IReadOnlyList<CtfFileProblem> Problems, IReadOnlyList<CtfFileProblem> Warnings, IReadOnlyList<CtfFileSummary> Files,
    int PupilsRead, RegisterResult? Marks, AlertRecompute? Worklist)
{
    public bool Succeeded => Problems.Count == 0;

    public int Added => Files.Sum(f => f.Added);

    public int Updated => Files.Sum(f => f.Updated);

    public int Unchanged => Files.Sum(f => f.Unchanged);

    public int YearsNotStored => Files.Sum(f => f.YearsNotStored);
}

/// <summary>
/// `waymark import ctf FILE...`: Common Transfer Files (versions 24 and 25) into children's records. Every file is read and
/// checked first; then, only if all are good, everything is saved in one transaction. Pupils are matched by UPN (or, when
/// a temporary UPN has been replaced, by a former UPN). Register marks go through <see cref="MarkIntake"/> and
/// <see cref="AttendanceImporter.SaveMarksAsync"/>, exactly as the CSV import's do. Importing the same files again
/// changes nothing. What each section does to a record is in docs/ctf.md.
/// </summary>
public sealed class CtfImporter(WaymarkDbContext db, AttendanceImporter attendance, Auditing.Auditor auditor, TimeProvider clock)
{
    private const int ChildrenPerQuery = 500;

    private sealed record SchoolRow(int Id, int Urn, int LaCode, int EstablishmentNumber, string Name, bool IsOpen);

    public async Task<CtfImportResult> ImportAsync(IReadOnlyList<CtfSource> files, CtfImportOptions? options = null, IProgress<double>? progress = null,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(files);
        options ??= new CtfImportOptions();
        var today = clock.UkToday();
        var problems = new List<CtfFileProblem>();
        var warnings = new List<CtfFileProblem>();
        if (files.Count == 0)
        {
            return Refused([new CtfFileProblem("(none)", new CtfProblem(0, null, null, "no files were given"))], 0);
        }

        foreach (var name in files.GroupBy(f => f.Name, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key))
        {
            problems.Add(new CtfFileProblem(name, new CtfProblem(0, null, null, "the same file is given twice")));
        }

        // 1. Read and check every file, whatever the earlier ones held.
        var reader = new CtfFileReader(today, options.Limits ?? new CtfLimits());
        var read = new List<CtfFile>();
        var pupilsRead = 0;
        for (var i = 0; i < files.Count; i++)
        {
            var fileProgress = progress is null ? null : new PartOf(progress, 0.9 * i / files.Count, 0.9 / files.Count);
            CtfReadResult result;
            await using (var stream = files[i].Open())
            {
                result = reader.Read(stream, files[i].Name, fileProgress);
            }

            pupilsRead += result.PupilsRead;
            problems.AddRange(result.Problems.Select(p => new CtfFileProblem(files[i].Name, p)));
            if (result.File is not null)
            {
                read.Add(result.File);
            }
        }

        // 2. Check the files against Waymark: schools, pupils, and every mark into the batch.
        var schools = await db.Schools.AsNoTracking()
            .Select(s => new SchoolRow(s.Id, s.Urn, s.LaCode, s.EstablishmentNumber, s.Name, s.IsOpen)).ToListAsync(ct);
        var byUrn = schools.ToDictionary(s => s.Urn);
        var byLaEstab = schools.GroupBy(s => (s.LaCode, s.EstablishmentNumber))
            .ToDictionary(g => g.Key, g => g.OrderByDescending(s => s.IsOpen).ThenByDescending(s => s.Urn).First());

        SchoolRow? Find(CtfSchool? school) =>
            school is null ? null
            : school.Urn is { } urn && byUrn.TryGetValue(urn, out var byNumber) ? byNumber
            : school is { LaCode: { } la, EstablishmentNumber: { } estab } && byLaEstab.TryGetValue((la, estab), out var found) ? found
            : null;

        var fileSchools = new Dictionary<CtfFile, (string From, string To)>();
        foreach (var file in read)
        {
            var source = Find(file.Header.Source);
            var destination = Find(file.Header.Destination);
            string Describe(CtfSchool? given, SchoolRow? known) =>
                given is null ? "(no destination given)" : known is null ? given.Describe("not in Waymark") : $"{known.Name} (URN {known.Urn})";
            fileSchools[file] = (Describe(file.Header.Source, source), Describe(file.Header.Destination, destination));
            if (source is null && destination is null)
            {
                problems.Add(new CtfFileProblem(file.Name, new CtfProblem(0, null, "Header",
                    $"neither the school that sent it, {file.Header.Source}, nor the destination{(file.Header.Destination is { } d ? $", {d}," : "")} is a school in " +
                    "Waymark's register, so its pupils are not this local authority's to hold. If a school is missing, import it first (waymark import schools)")));
            }
        }

        var owner = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in read)
        {
            foreach (var pupil in file.Pupils)
            {
                if (owner.TryGetValue(pupil.Upn, out var other))
                {
                    problems.Add(new CtfFileProblem(file.Name, new CtfProblem(pupil.Line, pupil.Upn, "UPN",
                        $"the pupil is also in {other}; import the files in separate commands, oldest first")));
                }
                else
                {
                    owner[pupil.Upn] = file.Name;
                }
            }
        }

        if (problems.Count > 0)
        {
            return Refused(problems, pupilsRead);
        }

        var existing = await LoadChildrenAsync(read.SelectMany(f => f.Pupils).SelectMany(p => p.FormerUpns.Prepend(p.Upn)).Distinct().ToList(), ct);
        var plans = new List<(CtfFile File, CtfPupil Pupil, Child? Child, Guid ChildId)>();
        var claimed = new Dictionary<Guid, string>();
        foreach (var file in read)
        {
            foreach (var pupil in file.Pupils)
            {
                var child = Match(pupil, existing, file.Name, problems);
                if (child is not null && !claimed.TryAdd(child.Id, pupil.Upn))
                {
                    problems.Add(new CtfFileProblem(file.Name, new CtfProblem(pupil.Line, pupil.Upn, "BasicDetails/FormerUPN",
                        $"this pupil and {claimed[child.Id]} are both the child Waymark holds as {child.Upn}")));
                    continue;
                }

                plans.Add((file, pupil, child, child?.Id ?? Guid.NewGuid()));
            }
        }

        var intake = new MarkIntake(today, "in an earlier YearData");
        var notStored = new Dictionary<CtfFile, int>();
        foreach (var (file, pupil, _, childId) in plans)
        {
            foreach (var year in pupil.Attendance)
            {
                foreach (var mismatch in year.Mismatches)
                {
                    var problem = new CtfFileProblem(file.Name, new CtfProblem(year.Line, pupil.Upn, $"{year.Element}/{mismatch.Element}",
                        string.Create(CultureInfo.InvariantCulture,
                            $"the file says {mismatch.Stated} for {year.Year} at {year.LaCode:D3}/{year.EstablishmentNumber:D4}, but the marks give {mismatch.FromMarks}")));
                    (options.AllowTotalsMismatch ? warnings : problems).Add(problem);
                }

                if (year.Marks is null)
                {
                    continue;
                }

                if (!byLaEstab.TryGetValue((year.LaCode, year.EstablishmentNumber), out var school))
                {
                    // A register belongs to a school; Waymark keeps registers only of schools in its register (docs/ctf.md).
                    notStored[file] = notStored.GetValueOrDefault(file) + 1;
                    continue;
                }

                foreach (var (date, session, code) in year.Marks.Marked(year.Year.Start, year.Year.End))
                {
                    if (intake.Add(childId, pupil.Upn, school.Id, date, session, code) is { } conflict)
                    {
                        problems.Add(new CtfFileProblem(file.Name, new CtfProblem(year.Line, pupil.Upn, $"{year.Element}/AttendanceMarks", conflict)));
                        break;
                    }
                }
            }
        }

        if (problems.Count > 0)
        {
            return Refused(problems, pupilsRead, warnings);
        }

        // 3. Everything is good: save it all, or nothing.
        var now = clock.GetUtcNow().UtcDateTime;
        var summaries = new List<CtfFileSummary>();
        RegisterResult? marks = null;
        IReadOnlySet<Guid> written = new HashSet<Guid>();
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            foreach (var group in plans.GroupBy(p => p.File))
            {
                var file = group.Key;
                int added = 0, updated = 0, unchanged = 0;
                var source = $"CTF {file.Name}";
                foreach (var (_, pupil, found, childId) in group)
                {
                    var child = found;
                    if (child is null)
                    {
                        child = new Child
                        {
                            Id = childId, Upn = pupil.Upn, LegalForename = pupil.Forename, LegalSurname = pupil.Surname, DateOfBirth = pupil.DateOfBirth,
                            Sex = pupil.Sex ?? Sex.Unknown, CreatedAtUtc = now, UpdatedAtUtc = now,
                        };
                        child.RefreshSearchName();
                        db.Children.Add(child);
                        CtfRecordUpdate.Apply(db, child, pupil, file.Header, source, now);
                        auditor.Record(AuditActions.CtfPupilImported, child.Id, string.Create(CultureInfo.InvariantCulture,
                            $"added from {file.Name} line {pupil.Line} (CTF {file.Header.Version}, sent by {fileSchools[file].From})"), options.UserId);
                        added++;
                        continue;
                    }

                    var changes = CtfRecordUpdate.Apply(db, child, pupil, file.Header, source, now);
                    if (changes.Count == 0)
                    {
                        unchanged++;
                        continue;
                    }

                    child.UpdatedAtUtc = now;
                    auditor.Record(AuditActions.CtfPupilImported, child.Id,
                        $"updated from {file.Name} line {pupil.Line} (CTF {file.Header.Version}, sent by {fileSchools[file].From}): {string.Join("; ", changes)}", options.UserId);
                    updated++;
                }

                summaries.Add(new CtfFileSummary(file.Name, fileSchools[file].From, fileSchools[file].To, file.Pupils.Count, added, updated, unchanged,
                    notStored.GetValueOrDefault(file)));
            }

            // The children exist before their registers, which refer to them.
            await db.SaveChangesAsync(ct);
            if (intake.Batch.Registers > 0)
            {
                var names = string.Join(", ", read.Select(f => f.Name));
                marks = await attendance.SaveMarksAsync(intake.Batch, $"import ctf {names}", options.UserId, ct);
                written = intake.Batch.ChildrenWritten();
            }

            auditor.Record(AuditActions.CtfImported, detail: string.Join(" | ", summaries.Select(s => string.Create(CultureInfo.InvariantCulture,
                $"{s.Name} from {s.From} to {s.To}: {s.Pupils} pupil(s), {s.Added} added, {s.Updated} updated, {s.Unchanged} unchanged"))) +
                (marks is null ? "; no marks" : string.Create(CultureInfo.InvariantCulture, $"; marks {marks.New} new, {marks.Changed} changed, {marks.Unchanged} unchanged")),
                userId: options.UserId);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }

        progress?.Report(1);
        var worklist = options.RecomputeWorklist ? await attendance.UpdateWorklistAsync(written, ct) : null;
        return new CtfImportResult([], warnings, summaries, pupilsRead, marks, worklist);
    }

    /// <summary>One file's share of the whole import's progress, reported at once (not posted later, as Progress&lt;T&gt; would).</summary>
    private sealed class PartOf(IProgress<double> whole, double start, double share) : IProgress<double>
    {
        public void Report(double value) => whole.Report(start + (share * value));
    }

    private static CtfImportResult Refused(List<CtfFileProblem> problems, int pupilsRead, List<CtfFileProblem>? warnings = null) =>
        new(problems, warnings ?? [], [], pupilsRead, null, null);

    /// <summary>
    /// The child a pupil is: the one with the pupil's UPN; failing that, the one whose UPN the file gives as a former UPN
    /// (a temporary UPN replaced by the permanent one); otherwise null, a new child.
    /// </summary>
    private static Child? Match(CtfPupil pupil, Dictionary<string, Child> existing, string file, List<CtfFileProblem> problems)
    {
        if (existing.TryGetValue(pupil.Upn, out var child))
        {
            return child;
        }

        var formerly = pupil.FormerUpns.Select(u => existing.GetValueOrDefault(u)).OfType<Child>().Distinct().ToList();
        if (formerly.Count > 1)
        {
            problems.Add(new CtfFileProblem(file, new CtfProblem(pupil.Line, pupil.Upn, "BasicDetails/FormerUPN",
                $"the former UPNs are those of {formerly.Count} different children in Waymark ({string.Join(", ", formerly.Select(c => c.Upn))}); Waymark cannot tell which this is")));
            return null;
        }

        return formerly.SingleOrDefault();
    }

    private async Task<Dictionary<string, Child>> LoadChildrenAsync(IReadOnlyList<string> upns, CancellationToken ct)
    {
        var found = new Dictionary<string, Child>(StringComparer.Ordinal);

        // In chunks, so a whole LA's files do not become one query with thousands of parameters.
        foreach (var chunk in upns.Chunk(ChildrenPerQuery))
        {
            var children = await db.Children
                .Include(c => c.FormerUpns).Include(c => c.Statuses).Include(c => c.Address).Include(c => c.Contacts).ThenInclude(k => k.Phones)
                .Include(c => c.SchoolHistory).Include(c => c.Enrolments).ThenInclude(e => e.School)
                .AsSplitQuery()
                .Where(c => chunk.Contains(c.Upn!)).ToListAsync(ct);
            foreach (var child in children)
            {
                found[child.Upn!] = child;
            }
        }

        return found;
    }
}
