using System.Globalization;
using Waymark.Data;
using Waymark.Data.Entities;
using Waymark.Domain.CommonTransfer;
using Waymark.Domain.Children;

namespace Waymark.Web.Imports.Ctf;

/// <summary>
/// Brings a child's record in line with what a CTF says about them, and says what changed (for the audit). The same file
/// applied twice changes nothing the second time. The rule for each section is in docs/ctf.md:
/// values the file does not give are left alone; the address, contacts, SEN and free school meals follow the file when it
/// has that section; school history only grows; a looked-after flag adds an episode but never ends one.
/// </summary>
internal static class CtfRecordUpdate
{
    public static List<string> Apply(WaymarkDbContext db, Child child, CtfPupil pupil, CtfHeader header, string source, DateTime now)
    {
        var changes = new List<string>();
        Identity(child, pupil, now, changes);
        Address(db, child, pupil, source, now, changes);
        Contacts(db, child, pupil, changes);
        SchoolHistory(child, pupil, source, now, changes);
        Sen(db, child, pupil, changes);
        LookedAfter(child, pupil, DateOnly.FromDateTime(header.MadeAt), changes);
        FreeSchoolMeals(db, child, pupil, changes);
        return changes;
    }

    private static void Identity(Child child, CtfPupil pupil, DateTime now, List<string> changes)
    {
        if (child.Upn != pupil.Upn)
        {
            // Matched by a former UPN: the file's UPN replaces it, and the old one is kept.
            changes.Add($"UPN {child.Upn} replaced by {pupil.Upn}");
            if (child.Upn is { } old && child.FormerUpns.All(f => f.Upn != old))
            {
                child.FormerUpns.Add(new FormerUpn { Upn = old, RecordedAtUtc = now });
            }

            child.Upn = pupil.Upn;
        }

        var named = false;
        named |= Set(child.LegalForename, pupil.Forename, v => child.LegalForename = v);
        named |= Set(child.LegalSurname, pupil.Surname, v => child.LegalSurname = v);
        named |= pupil.MiddleNames is { } middle && Set(child.MiddleNames, middle, v => child.MiddleNames = v);
        named |= pupil.PreferredForename is { } preferredForename && Set(child.PreferredForename, preferredForename, v => child.PreferredForename = v);
        named |= pupil.PreferredSurname is { } preferredSurname && Set(child.PreferredSurname, preferredSurname, v => child.PreferredSurname = v);
        if (named)
        {
            child.RefreshSearchName();
            changes.Add("name");
        }

        if (child.DateOfBirth != pupil.DateOfBirth)
        {
            child.DateOfBirth = pupil.DateOfBirth;
            changes.Add("date of birth");
        }

        // U ("not known") never overwrites a sex Waymark knows.
        if (pupil.Sex is { } sex && sex != Sex.Unknown && child.Sex != sex)
        {
            child.Sex = sex;
            changes.Add("sex");
        }

        if (pupil.YearGroupOffset is { } offset && child.YearGroupOffset != offset)
        {
            child.YearGroupOffset = offset;
            changes.Add("year group");
        }

        if (pupil.Ethnicity is { } ethnicity && Set(child.EthnicityCode, ethnicity, v => child.EthnicityCode = v))
        {
            changes.Add("ethnicity");
        }

        // A language held by name ("English") that the export writes as this code is already right.
        if (pupil.FirstLanguage is { } language && CtfCodes.LanguageCode(child.FirstLanguage) != language
            && Set(child.FirstLanguage, language, v => child.FirstLanguage = v))
        {
            changes.Add("first language");
        }

        foreach (var former in pupil.FormerUpns.Where(f => f != child.Upn && child.FormerUpns.All(x => x.Upn != f)))
        {
            child.FormerUpns.Add(new FormerUpn { Upn = former, RecordedAtUtc = now });
            changes.Add($"former UPN {former}");
        }
    }

    private static void Address(WaymarkDbContext db, Child child, CtfPupil pupil, string source, DateTime now, List<string> changes)
    {
        if (pupil.Address is not { } given)
        {
            return;
        }

        if (given.Postcode is { } postcode && child.Postcode != postcode)
        {
            child.Postcode = postcode;
        }

        var address = child.Address;
        if (address is not null && Same(address, given))
        {
            return;
        }

        // Only the postcode Waymark already has (as a file Waymark wrote from a postcode gives): nothing new to keep.
        if (address is null && given.Postcode == child.Postcode && given.County is null && given.Uprn is null
            && new[] { given.Saon, given.Paon, given.Street, given.Locality, given.Town, given.AdministrativeArea, given.PostTown }.All(p => p is null)
            && given.Lines.All(l => l is null))
        {
            return;
        }

        if (address is null)
        {
            address = new ChildAddress { ChildId = child.Id, Source = source };
            child.Address = address;
            db.ChildAddresses.Add(address);
        }

        address.Saon = given.Saon;
        address.Paon = given.Paon;
        address.Street = given.Street;
        address.Locality = given.Locality;
        address.Town = given.Town;
        address.AdministrativeArea = given.AdministrativeArea;
        address.PostTown = given.PostTown;
        address.Uprn = given.Uprn;
        address.Line1 = given.Lines.ElementAtOrDefault(0);
        address.Line2 = given.Lines.ElementAtOrDefault(1);
        address.Line3 = given.Lines.ElementAtOrDefault(2);
        address.Line4 = given.Lines.ElementAtOrDefault(3);
        address.Line5 = given.Lines.ElementAtOrDefault(4);
        address.County = given.County;
        address.Postcode = given.Postcode;
        address.Source = source;
        address.RecordedAtUtc = now;
        changes.Add("address");
    }

    private static bool Same(ChildAddress a, CtfAddress b) =>
        a.Saon == b.Saon && a.Paon == b.Paon && a.Street == b.Street && a.Locality == b.Locality && a.Town == b.Town
        && a.AdministrativeArea == b.AdministrativeArea && a.PostTown == b.PostTown && a.Uprn == b.Uprn
        && a.Line1 == b.Lines.ElementAtOrDefault(0) && a.Line2 == b.Lines.ElementAtOrDefault(1) && a.Line3 == b.Lines.ElementAtOrDefault(2)
        && a.Line4 == b.Lines.ElementAtOrDefault(3) && a.Line5 == b.Lines.ElementAtOrDefault(4) && a.County == b.County && a.Postcode == b.Postcode;

    private static void Contacts(WaymarkDbContext db, Child child, CtfPupil pupil, List<string> changes)
    {
        if (pupil.Contacts is not { } given)
        {
            return;
        }

        var wanted = given.OrderBy(c => c.Order).ToList();
        var held = child.Contacts.OrderBy(c => c.Order).ToList();
        if (wanted.Count == held.Count && wanted.Zip(held).All(p => Same(p.Second, p.First)))
        {
            return;
        }

        // The list is the sender's as a whole (order, who has parental responsibility), so it is replaced as a whole.
        foreach (var old in held)
        {
            child.Contacts.Remove(old);
            db.ChildContacts.Remove(old);
        }

        foreach (var contact in wanted)
        {
            child.Contacts.Add(new ChildContact
            {
                ChildId = child.Id, Order = contact.Order, Title = contact.Title, Forename = contact.Forename, Surname = contact.Surname,
                Relationship = contact.Relationship, ParentalResponsibility = contact.ParentalResponsibility, Email = contact.Email,
                Phones = contact.Phones.Select(p => new ChildContactPhone { Type = p.Type, Number = p.Number }).ToList(),
            });
        }

        changes.Add("contacts");
    }

    private static bool Same(ChildContact a, CtfContact b) =>
        a.Order == b.Order && a.Title == b.Title && a.Forename == b.Forename && a.Surname == b.Surname && a.Relationship == b.Relationship
        && a.ParentalResponsibility == b.ParentalResponsibility && a.Email == b.Email
        && a.Phones.Count == b.Phones.Count
        && a.Phones.OrderBy(p => p.Id).Zip(b.Phones).All(p => p.First.Type == p.Second.Type && p.First.Number == p.Second.Number);

    private static void SchoolHistory(Child child, CtfPupil pupil, string source, DateTime now, List<string> changes)
    {
        foreach (var school in pupil.SchoolHistory)
        {
            // A stay Waymark has on the roll is already known, from the roll (a file Waymark wrote lists its enrolments).
            if (child.Enrolments.Any(e => e.StartDate == school.EntryDate && e.School is { } s
                && (school is { LaCode: { } la, EstablishmentNumber: { } estab } ? s.LaCode == la && s.EstablishmentNumber == estab : school.Urn == s.Urn)))
            {
                continue;
            }

            // The same school and entry date is the same stay; a school is known by LA and establishment, else URN, else name.
            var entry = child.SchoolHistory.FirstOrDefault(h => h.EntryDate == school.EntryDate && SameSchool(h, school));
            if (entry is null)
            {
                child.SchoolHistory.Add(new SchoolHistoryEntry
                {
                    ChildId = child.Id, SchoolName = school.SchoolName, LaCode = school.LaCode, EstablishmentNumber = school.EstablishmentNumber, Urn = school.Urn,
                    EntryDate = school.EntryDate, LeavingDate = school.LeavingDate, LeavingReason = school.LeavingReason, Source = source, RecordedAtUtc = now,
                });
                changes.Add($"school history: {school.SchoolName}");
                continue;
            }

            var changed = false;
            changed |= Set(entry.SchoolName, school.SchoolName, v => entry.SchoolName = v!);
            changed |= school.Urn is { } urn && entry.Urn != urn && Set(entry, e => e.Urn = urn);
            changed |= school.LeavingDate is { } leaving && entry.LeavingDate != leaving && Set(entry, e => e.LeavingDate = leaving);
            changed |= school.LeavingReason is { } reason && Set(entry.LeavingReason, reason, v => entry.LeavingReason = v);
            if (changed)
            {
                entry.Source = source;
                entry.RecordedAtUtc = now;
                changes.Add($"school history: {school.SchoolName}");
            }
        }
    }

    private static bool SameSchool(SchoolHistoryEntry held, CtfSchoolHistory given) =>
        given is { LaCode: { } la, EstablishmentNumber: { } estab } ? held.LaCode == la && held.EstablishmentNumber == estab
        : given.Urn is { } urn ? held.Urn == urn
        : held.LaCode is null && held.Urn is null && string.Equals(held.SchoolName, given.SchoolName, StringComparison.OrdinalIgnoreCase);

    private static void Sen(WaymarkDbContext db, Child child, CtfPupil pupil, List<string> changes)
    {
        if (pupil.SenEpisodes is not { } episodes)
        {
            return;
        }

        var held = child.Statuses.Where(s => ChildStatusTypes.IsSend(s.Type)).ToList();
        var latest = episodes.Count == 0 ? null : episodes.MaxBy(e => e.Start);
        var changed = false;
        foreach (var episode in episodes)
        {
            var type = CtfSen.StatusType(episode.Provision);
            var status = held.FirstOrDefault(s => s.Type == type && s.StartDate == episode.Start);
            if (status is null)
            {
                status = new ChildStatus { ChildId = child.Id, Type = type, StartDate = episode.Start };
                child.Statuses.Add(status);
                changed = true;
            }
            else
            {
                held.Remove(status);
            }

            changed |= status.EndDate != episode.End && Set(status, s => s.EndDate = episode.End);

            // The needs the file gives are the pupil's needs now, so they belong to the latest episode.
            if (episode == latest)
            {
                changed |= status.PrimaryNeed != pupil.PrimaryNeed && Set(status, s => s.PrimaryNeed = pupil.PrimaryNeed);
                changed |= status.SecondaryNeed != pupil.SecondaryNeed && Set(status, s => s.SecondaryNeed = pupil.SecondaryNeed);
            }
        }

        // SEN support and EHC plans follow the school's statutory record: episodes the file does not have go (the audit keeps them).
        foreach (var gone in held)
        {
            child.Statuses.Remove(gone);
            db.ChildStatuses.Remove(gone);
            changed = true;
        }

        if (changed)
        {
            changes.Add("SEN");
        }
    }

    private static void LookedAfter(Child child, CtfPupil pupil, DateOnly fileDate, List<string> changes)
    {
        // A school's flag cannot end a looked-after episode (social care's record is the authority), and a file gives no start
        // date: InCare true adds an episode from the day the file was made, unless Waymark already knows of one then or later.
        if (pupil.InCare is not true)
        {
            return;
        }

        var episodes = child.Statuses.Where(s => s.Type == ChildStatusType.LookedAfter).ToList();
        var current = episodes.Where(s => s.StartDate <= fileDate && (s.EndDate is null || s.EndDate >= fileDate)).MaxBy(s => s.StartDate);
        if (current is not null)
        {
            if (pupil.CareAuthority is { } authority && current.CareAuthority != authority)
            {
                current.CareAuthority = authority;
                changes.Add(string.Create(CultureInfo.InvariantCulture, $"care authority {authority:D3}"));
            }

            return;
        }

        if (episodes.Any(s => s.StartDate > fileDate))
        {
            return;
        }

        child.Statuses.Add(new ChildStatus { ChildId = child.Id, Type = ChildStatusType.LookedAfter, StartDate = fileDate, CareAuthority = pupil.CareAuthority });
        changes.Add("looked after");
    }

    private static void FreeSchoolMeals(WaymarkDbContext db, Child child, CtfPupil pupil, List<string> changes)
    {
        if (pupil.Fsm is not { } spells)
        {
            return;
        }

        var held = child.Statuses.Where(s => s.Type == ChildStatusType.FreeSchoolMeals).ToList();
        var changed = false;
        foreach (var spell in spells)
        {
            var status = held.FirstOrDefault(s => s.StartDate == spell.Start);
            if (status is null)
            {
                child.Statuses.Add(new ChildStatus { ChildId = child.Id, Type = ChildStatusType.FreeSchoolMeals, StartDate = spell.Start, EndDate = spell.End });
                changed = true;
                continue;
            }

            held.Remove(status);
            changed |= status.EndDate != spell.End && Set(status, s => s.EndDate = spell.End);
        }

        foreach (var gone in held)
        {
            child.Statuses.Remove(gone);
            db.ChildStatuses.Remove(gone);
            changed = true;
        }

        if (changed)
        {
            changes.Add("free school meals");
        }
    }

    private static bool Set(string? current, string value, Action<string> set)
    {
        if (string.Equals(current, value, StringComparison.Ordinal))
        {
            return false;
        }

        set(value);
        return true;
    }

    private static bool Set<T>(T target, Action<T> set)
    {
        set(target);
        return true;
    }
}
