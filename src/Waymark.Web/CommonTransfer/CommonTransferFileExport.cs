using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Data.Entities;
using Waymark.Domain.CommonTransfer;
using Waymark.Domain.Transitions;
using Waymark.Web.Auditing;
using Waymark.Web.Hosting;

namespace Waymark.Web.CommonTransfer;

/// <summary>Who made a file: a Waymark user, or (user null) the operator on the command line; and how, in words.</summary>
public sealed record CtfMaker(string? UserId, string Via);

/// <summary>Where a file goes: the header's DestSchool, the school in Waymark's register (if it is one) and its name in the ledger.</summary>
public sealed record CtfDestination(CtfEstablishment Establishment, int? SchoolId, string RecipientName);

public sealed record CtfExportResult(string FileName, byte[] Content, string? Path, int Sequence, int Pupils, int AttendanceYears, IReadOnlyList<string> Notes);

/// <summary>
/// Makes a common transfer file for one or more children and records it: the file's name and number, an entry in
/// each child's sharing ledger (a share under a statutory duty that gives the receiver no access in Waymark), and an
/// audit entry per child, all in one save. The transition page and `waymark export ctf` both use it.
/// </summary>
public sealed class CommonTransferFileExport(WaymarkDbContext db, Auditor auditor, TimeProvider clock)
{
    private const string NoAccess = "A common transfer file is sent once, as a file: it gives the school no access in Waymark";

    private const int Attempts = 3;

    /// <summary>The local authority running this Waymark as a sender (its number and LLLL), or why it cannot be one.</summary>
    public async Task<(CtfEstablishment? Source, string? Problem)> LocalAuthoritySourceAsync(CancellationToken ct = default)
    {
        var la = await db.LocalAuthorities.AsNoTracking().SingleOrDefaultAsync(ct);
        return la is null
            ? (null, "Waymark does not yet know which local authority it serves: name it with waymark la set --code N --name NAME")
            : (new CtfEstablishment(CtfParty.LocalAuthority(la.Code), null, la.Name), null);
    }

    public static CtfEstablishment SchoolSource(School school)
    {
        ArgumentNullException.ThrowIfNull(school);
        return new CtfEstablishment(CtfParty.School(school.LaCode, school.EstablishmentNumber), school.Urn, school.Name);
    }

    public static CtfDestination DestinationFor(School school)
    {
        ArgumentNullException.ThrowIfNull(school);
        return new CtfDestination(SchoolSource(school), school.Id, school.Name);
    }

    /// <summary>
    /// A destination as typed: a school must be an open school in Waymark's register; an LA (NNNLLLL), MMMMMMM or
    /// XXXXXXX need no register entry. Returns why not when it cannot be one.
    /// </summary>
    public async Task<(CtfDestination? Destination, string? Problem)> DestinationAsync(string? text, CancellationToken ct = default)
    {
        if (CtfParty.ParseDestination(text, out var party) is string problem)
        {
            return (null, problem);
        }

        switch (party!.Kind)
        {
            case CtfPartyKind.School:
                var (la, estab) = party.SchoolNumbers;
                var schools = await db.Schools.AsNoTracking().Where(s => s.LaCode == la && s.EstablishmentNumber == estab).ToListAsync(ct);
                var open = schools.Where(s => s.IsOpen).ToList();
                return open.Count switch
                {
                    1 => (DestinationFor(open[0]), null),
                    0 when schools.Count > 0 => (null, $"{party.Code}: {schools[0].Name} is closed"),
                    0 => (null, $"{party.Code}: no school in Waymark's register has this LAESTAB (load it with waymark import schools)"),
                    _ => (null, $"{party.Code}: {open.Count} open schools in Waymark's register have this LAESTAB; correct the register first"),
                };
            case CtfPartyKind.LocalAuthority:
                var ours = await db.LocalAuthorities.AsNoTracking().SingleOrDefaultAsync(ct);
                var name = ours is not null && ours.Code.ToString("D3", CultureInfo.InvariantCulture) == party.Lea ? ours.Name : $"Local authority {party.Lea}";
                return (new CtfDestination(new CtfEstablishment(party, null, name), null, name), null);
            case CtfPartyKind.MissingPupil:
                return (Unlisted(party, "The lost pupils area of school to school (s2s): next school not known"), null);
            default:
                return (Unlisted(party, "The lost pupils area of school to school (s2s): leaving the English maintained sector"), null);
        }
    }

    /// <summary>What stops these children going into a file, one line naming each child; empty when nothing does.</summary>
    public async Task<IReadOnlyList<string>> ProblemsAsync(IReadOnlyCollection<Guid> childIds, CtfEstablishment source, CtfDestination destination,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(childIds);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(destination);
        var problems = new List<string>();
        if (source.Party.Code == destination.Establishment.Party.Code)
        {
            problems.Add($"{destination.Establishment.Party.Code} is the sender: a common transfer file goes to another school or authority");
        }

        var withoutUpn = await db.Children.AsNoTracking().Where(c => childIds.Contains(c.Id) && c.Upn == null).Select(c => c.Id).ToListAsync(ct);
        problems.AddRange(withoutUpn.Order().Select(id => $"child {id:D} has no UPN, which every pupil in a common transfer file must have"));
        return problems;
    }

    /// <summary>
    /// Writes the file, records it and returns it. With <paramref name="folder"/> the file is also written there, under
    /// a number no file in the folder has either; it is removed again if the records cannot be saved.
    /// </summary>
    public async Task<CtfExportResult> ExportAsync(IReadOnlyList<Guid> childIds, CtfEstablishment source, CtfDestination destination,
        CtfMaker maker, string? folder = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(childIds);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentNullException.ThrowIfNull(maker);
        var today = clock.UkToday();
        var pupils = await LoadAsync(childIds, ct);
        var header = new CtfExportHeader(source, destination.Establishment, UkClock.UkNow(clock));
        var content = CommonTransferFileWriter.Write(header, pupils, today);
        var notes = pupils.Where(p => !string.IsNullOrWhiteSpace(p.Child.FirstLanguage) && CtfCodes.LanguageCode(p.Child.FirstLanguage) is null)
            .Select(p => $"{p.Child.Upn}: first language '{p.Child.FirstLanguage!.Trim()}' is held as a name, not a DfE code, so it was left out")
            .ToList();
        var sourceCode = source.Party.Code;
        var destinationCode = destination.Establishment.Party.Code;

        for (var attempt = 1; ; attempt++)
        {
            var used = await db.CommonTransferFiles.Where(f => f.SourceCode == sourceCode && f.DestinationCode == destinationCode)
                .Select(f => f.Sequence).ToListAsync(ct);
            if (folder is not null)
            {
                used.AddRange(Directory.EnumerateFiles(folder, $"{sourceCode}_CTF_{destinationCode}_*")
                    .Select(p => CtfFileNames.TrySequence(Path.GetFileName(p), source.Party, destination.Establishment.Party, out var n) ? n : 0));
            }

            var sequence = CtfFileNames.Next(used)
                ?? throw new InvalidOperationException($"Every sequence number from 001 to 999 has been used for files from {sourceCode} to {destinationCode}.");
            var fileName = CtfFileNames.Format(source.Party, destination.Establishment.Party, sequence);
            string? path = null;
            if (folder is not null)
            {
                path = Path.GetFullPath(Path.Combine(folder, fileName));
                await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
                await file.WriteAsync(content, ct);
            }

            Record(pupils, sourceCode, destination, maker, fileName, sequence);
            try
            {
                await db.SaveChangesAsync(ct);
                return new CtfExportResult(fileName, content, path, sequence, pupils.Count, pupils.Sum(p => p.AttendanceYears.Count(y => y.ToYearMarks().HasAnyMark)), notes);
            }
            catch (Exception ex) when (ex is DbUpdateException or System.Data.Common.DbException)
            {
                if (path is not null)
                {
                    File.Delete(path);
                }

                db.ChangeTracker.Clear();

                // Someone else took the number between reading and saving: take the next one.
                var taken = await db.CommonTransferFiles.AnyAsync(f => f.SourceCode == sourceCode && f.DestinationCode == destinationCode && f.Sequence == sequence, ct);
                if (!taken || attempt == Attempts)
                {
                    throw;
                }
            }
        }
    }

    private void Record(IReadOnlyList<CtfExportPupil> pupils, string sourceCode, CtfDestination destination, CtfMaker maker, string fileName, int sequence)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = clock.UkToday();
        var code = destination.Establishment.Party.Code;
        db.CommonTransferFiles.Add(new CommonTransferFile
        {
            FileName = fileName, SourceCode = sourceCode, DestinationCode = code, Sequence = sequence, Pupils = pupils.Count,
            MadeAtUtc = now, MadeByUserId = maker.UserId, MadeVia = maker.Via,
        });
        foreach (var pupil in pupils)
        {
            db.InformationShares.Add(new InformationShare
            {
                ChildId = pupil.Child.Id,
                What = CtfCodes.LedgerWhat,
                RecipientSchoolId = destination.SchoolId,
                RecipientOrganisation = destination.SchoolId is null ? destination.RecipientName : null,
                SharedOn = today,
                Basis = ShareBasis.StatutoryDuty,
                Reason = $"{CtfCodes.LegalBasis}. File {fileName}, made on the {maker.Via}.",
                SharedByUserId = maker.UserId,
                SharedAtUtc = now,
                EndedAtUtc = destination.SchoolId is null ? null : now,
                EndReason = destination.SchoolId is null ? null : NoAccess,
            });
            auditor.Record(AuditActions.CommonTransferFileExported, pupil.Child.Id,
                string.Create(CultureInfo.InvariantCulture, $"{fileName} to {destination.RecipientName} ({code}), {pupils.Count} pupil(s) ({maker.Via})"),
                userId: maker.UserId);
        }
    }

    /// <summary>The children with only what a CTF may carry: identity, statuses, address, contacts, schools, attendance. No social care records are read.</summary>
    private async Task<List<CtfExportPupil>> LoadAsync(IReadOnlyList<Guid> childIds, CancellationToken ct)
    {
        var ids = childIds.Distinct().ToList();
        var children = await db.Children.AsNoTracking().AsSplitQuery()
            .Include(c => c.FormerUpns)
            .Include(c => c.Enrolments).ThenInclude(e => e.School)
            .Include(c => c.Statuses)
            .Include(c => c.Address)
            .Include(c => c.Contacts).ThenInclude(c => c.Phones)
            .Include(c => c.SchoolHistory)
            .Where(c => ids.Contains(c.Id))
            .ToListAsync(ct);
        if (children.Count != ids.Count)
        {
            throw new InvalidOperationException("A child to go in the file does not exist.");
        }

        var years = await db.AttendanceYears.AsNoTracking().Include(y => y.School).Where(y => ids.Contains(y.ChildId)).ToListAsync(ct);
        var byChild = years.ToLookup(y => y.ChildId);

        // In the order given, so a file for one class reads as the operator listed it.
        var order = ids.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
        return children.OrderBy(c => order[c.Id]).Select(c => new CtfExportPupil(c, byChild[c.Id].ToList())).ToList();
    }

    private static CtfDestination Unlisted(CtfParty party, string name) => new(new CtfEstablishment(party, null, null), null, name);
}
