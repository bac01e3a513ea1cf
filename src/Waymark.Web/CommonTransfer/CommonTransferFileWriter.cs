using System.Globalization;
using System.Text;
using System.Xml;
using Waymark.Data.Entities;
using Waymark.Domain.Attendance;
using Waymark.Domain.Calendar;
using Waymark.Domain.Children;
using Waymark.Domain.CommonTransfer;

namespace Waymark.Web.CommonTransfer;

/// <summary>A sender or receiver as the header names it: its code, and for a school in Waymark its URN and name.</summary>
public sealed record CtfEstablishment(CtfParty Party, int? Urn, string? Name);

/// <summary>The header of one file.</summary>
public sealed record CtfExportHeader(CtfEstablishment Source, CtfEstablishment Destination, DateTime MadeAtUkTime);

/// <summary>
/// What a CTF may carry about one pupil, loaded for the writer. Only the common transfer information: the child's
/// identity, SEN, looked-after status, schools and attendance. Social care records (child in need, child protection,
/// early help, notes, the transition profile and passport) are never loaded, so they cannot reach a file.
/// </summary>
public sealed record CtfExportPupil(Child Child, IReadOnlyList<AttendanceYear> AttendanceYears);

/// <summary>
/// Writes a DfE Common Transfer File (CTF 25): the root CTfile, the Header, then one Pupil per child under
/// CTFpupilData, each block in the order of standards §1.3. A block Waymark holds nothing for is left out rather
/// than written empty; each block is one method, so data Waymark comes to hold later has an obvious place to go.
/// </summary>
public static class CommonTransferFileWriter
{
    private static readonly XmlWriterSettings Settings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = true,
        IndentChars = "  ",
        NewLineChars = "\n",
        CloseOutput = false,
    };

    /// <summary>The file's bytes: UTF-8 without a byte order mark, with the XML declaration.</summary>
    public static byte[] Write(CtfExportHeader header, IEnumerable<CtfExportPupil> pupils, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(pupils);
        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, Settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("CTfile");
            WriteHeader(xml, header, today);
            xml.WriteStartElement("CTFpupilData");
            foreach (var pupil in pupils)
            {
                WritePupil(xml, pupil, header.Source.Party, today);
            }

            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndDocument();
        }

        return buffer.ToArray();
    }

    private static void WriteHeader(XmlWriter xml, CtfExportHeader header, DateOnly today)
    {
        xml.WriteStartElement("Header");
        Element(xml, "DocumentName", CtfCodes.DocumentName);
        Element(xml, "CTFversion", CtfCodes.Version);
        Element(xml, "DateTime", header.MadeAtUkTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture));

        // Waymark holds part of a pupil's record (no assessments, for one), so a file is never the full record.
        Element(xml, "DocumentQualifier", "partial");
        Element(xml, "DataDescriptor", "CTF");
        Element(xml, "SupplierID", CtfCodes.SupplierId);

        xml.WriteStartElement("SourceSchool");
        Establishment(xml, header.Source);
        Element(xml, "SchoolName", header.Source.Name);
        Element(xml, "AcademicYear", Number(CtfCodes.HeaderAcademicYear(today)));
        xml.WriteEndElement();

        xml.WriteStartElement("DestSchool");
        Establishment(xml, header.Destination);
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void Establishment(XmlWriter xml, CtfEstablishment establishment)
    {
        Element(xml, "LEA", establishment.Party.Lea);
        Element(xml, "Estab", establishment.Party.Estab);
        Element(xml, "URN", establishment.Urn is int urn ? Number(urn) : null);
    }

    private static void WritePupil(XmlWriter xml, CtfExportPupil pupil, CtfParty source, DateOnly today)
    {
        var child = pupil.Child;
        xml.WriteStartElement("Pupil");
        Element(xml, "UPN", child.Upn);
        Element(xml, "Surname", child.LegalSurname);
        Element(xml, "Forename", child.LegalForename);
        Element(xml, "DOB", Date(child.DateOfBirth));
        Element(xml, "Sex", Sexes.Code(child.Sex));
        WriteBasicDetails(xml, child, source, today);
        WriteFsmHistory(xml, child);
        WriteLookedAfter(xml, child, today);
        WriteSenHistory(xml, child, today);
        WriteAddress(xml, child);
        WriteContacts(xml, child);
        WriteAttendance(xml, pupil.AttendanceYears);
        WriteSchoolHistory(xml, child);
        xml.WriteEndElement();
    }

    private static void WriteBasicDetails(XmlWriter xml, Child child, CtfParty source, DateOnly today)
    {
        xml.WriteStartElement("BasicDetails");

        // The CTF has room for one former UPN: the latest to be replaced.
        Element(xml, "FormerUPN", child.FormerUpns.OrderByDescending(f => f.RecordedAtUtc).ThenByDescending(f => f.Id).FirstOrDefault()?.Upn);
        Element(xml, "PreferredSurname", child.PreferredSurname);
        Element(xml, "PreferredForename", child.PreferredForename);
        Element(xml, "MiddleNames", child.MiddleNames);
        // The year group in the header's academic year, so a reader works out the same year-group offset.
        Element(xml, "NCyearActual", child.NcYearIn(new AcademicYear(CtfCodes.HeaderAcademicYear(today)))?.Code);
        Element(xml, "Ethnicity", child.EthnicityCode);
        if (CtfCodes.LanguageCode(child.FirstLanguage) is string language)
        {
            xml.WriteStartElement("Languages");
            xml.WriteStartElement("Type");
            Element(xml, "LanguageType", "F");
            Element(xml, "Language", language);
            xml.WriteEndElement();
            xml.WriteEndElement();
        }

        Element(xml, "EnrolStatus", EnrolStatus(child, source, today));
        xml.WriteEndElement();
    }

    /// <summary>C single, M dual (main), S dual (subsidiary): at the sending school, or for an LA the pupil's current school.</summary>
    private static string? EnrolStatus(Child child, CtfParty source, DateOnly today)
    {
        var current = child.Enrolments.Where(e => e.IsCurrentOn(today));
        if (source.Kind == CtfPartyKind.School)
        {
            var (la, estab) = source.SchoolNumbers;
            current = current.Where(e => e.School is { } s && s.LaCode == la && s.EstablishmentNumber == estab);
        }

        return current.OrderBy(e => e.Type).FirstOrDefault()?.Type switch
        {
            EnrolmentType.Single => "C",
            EnrolmentType.DualMain => "M",
            EnrolmentType.DualSubsidiary => "S",
            _ => null,
        };
    }

    /// <summary>Free school meals spells, oldest first.</summary>
    private static void WriteFsmHistory(XmlWriter xml, Child child)
    {
        var spells = child.Statuses.Where(s => s.Type == ChildStatusType.FreeSchoolMeals).OrderBy(s => s.StartDate).ToList();
        if (spells.Count == 0)
        {
            return;
        }

        xml.WriteStartElement("FSMhistory");
        foreach (var spell in spells)
        {
            xml.WriteStartElement("FSMinstance");
            Element(xml, "FSMstartDate", Date(spell.StartDate));
            Element(xml, "FSMendDate", spell.EndDate is DateOnly end ? Date(end) : null);
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    private static void WriteLookedAfter(XmlWriter xml, Child child, DateOnly today)
    {
        var episode = child.Statuses
            .Where(s => s.Type == ChildStatusType.LookedAfter && s.IsCurrentOn(today))
            .OrderByDescending(s => s.StartDate)
            .FirstOrDefault();
        xml.WriteStartElement("LookedAfter");
        Element(xml, "InCare", Bool(episode is not null));
        Element(xml, "CareAuthority", episode?.CareAuthority is int authority ? Number(authority, "D3") : null);
        xml.WriteEndElement();
    }

    private static void WriteSenHistory(XmlWriter xml, Child child, DateOnly today)
    {
        var episodes = child.Statuses
            .Where(s => s.Type is ChildStatusType.EhcPlan or ChildStatusType.SenSupport)
            .Select(s => new SenEpisode(CtfSen.Provision(s.Type), s.StartDate, s.EndDate, s.PrimaryNeed))
            .ToList();
        var history = CtfSen.History(episodes, today);
        if (history.Count == 0)
        {
            return;
        }

        xml.WriteStartElement("SENhistory");
        foreach (var change in history)
        {
            xml.WriteStartElement("SEN");
            Element(xml, "StartDate", Date(change.StartDate));
            Element(xml, "SENprovision", CtfSen.Code(change.Provision));
            xml.WriteEndElement();
        }

        if (CtfSen.PrimaryNeedOn(episodes, today) is SenPrimaryNeed need)
        {
            // The secondary need is the one recorded with the same episode as the primary.
            var secondary = child.Statuses
                .Where(s => s.Type is ChildStatusType.EhcPlan or ChildStatusType.SenSupport && s.IsCurrentOn(today) && s.PrimaryNeed == need)
                .OrderByDescending(s => s.Type == ChildStatusType.EhcPlan).ThenByDescending(s => s.StartDate)
                .FirstOrDefault()?.SecondaryNeed;
            xml.WriteStartElement("SENneeds");
            SenNeed(xml, need, "1");
            if (secondary is SenPrimaryNeed second)
            {
                SenNeed(xml, second, "2");
            }

            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    private static void SenNeed(XmlWriter xml, SenPrimaryNeed need, string rank)
    {
        xml.WriteStartElement("SENneed");
        Element(xml, "SENtype", SenPrimaryNeeds.Code(need));
        Element(xml, "SENtypeRank", rank);
        xml.WriteEndElement();
    }

    /// <summary>The home address a CTF brought (BS7666 parts or free lines), or just the postcode when that is all Waymark holds.</summary>
    private static void WriteAddress(XmlWriter xml, Child child)
    {
        var address = child.Address;
        var postcode = address?.Postcode ?? child.Postcode;
        if (address is null && string.IsNullOrWhiteSpace(postcode))
        {
            return;
        }

        xml.WriteStartElement("Address");
        if (address is not null)
        {
            string?[] lines = [address.Line1, address.Line2, address.Line3, address.Line4, address.Line5];
            if (lines.Any(l => !string.IsNullOrWhiteSpace(l)))
            {
                xml.WriteStartElement("AddressLines");
                for (var i = 0; i < lines.Length; i++)
                {
                    Element(xml, string.Create(CultureInfo.InvariantCulture, $"AddressLine{i + 1}"), lines[i]);
                }

                xml.WriteEndElement();
            }
            else
            {
                xml.WriteStartElement("BS7666Address");
                Element(xml, "SAON", address.Saon);
                Element(xml, "PAON", address.Paon);
                Element(xml, "Street", address.Street);
                Element(xml, "Locality", address.Locality);
                Element(xml, "Town", address.Town);
                Element(xml, "AdministrativeArea", address.AdministrativeArea);
                Element(xml, "PostTown", address.PostTown);
                Element(xml, "UniquePropertyReferenceNumber", address.Uprn?.ToString(CultureInfo.InvariantCulture));
                xml.WriteEndElement();
            }

            Element(xml, "County", address.County);
        }

        Element(xml, "PostCode", postcode?.Trim());
        xml.WriteEndElement();
    }

    /// <summary>The contacts in the school's order, with parental responsibility, phones and email.</summary>
    private static void WriteContacts(XmlWriter xml, Child child)
    {
        if (child.Contacts.Count == 0)
        {
            return;
        }

        xml.WriteStartElement("Contacts");
        foreach (var contact in child.Contacts.OrderBy(c => c.Order))
        {
            xml.WriteStartElement("Contact");
            Element(xml, "Order", Number(contact.Order));
            Element(xml, "Title", contact.Title);
            Element(xml, "Surname", contact.Surname);
            Element(xml, "Forename", contact.Forename);
            Element(xml, "Relationship", contact.Relationship);
            Element(xml, "Responsibility", Bool(contact.ParentalResponsibility));
            if (contact.Phones.Count > 0)
            {
                xml.WriteStartElement("Phones");
                foreach (var phone in contact.Phones.OrderBy(p => p.Id))
                {
                    xml.WriteStartElement("Phone");
                    Element(xml, "TelephoneType", phone.Type);
                    Element(xml, "PhoneNo", phone.Number);
                    xml.WriteEndElement();
                }

                xml.WriteEndElement();
            }

            Element(xml, "Email", contact.Email);
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    /// <summary>One YearData per academic year per school with any register marks, oldest first.</summary>
    private static void WriteAttendance(XmlWriter xml, IReadOnlyList<AttendanceYear> years)
    {
        var written = years
            .Select(y => (Year: y, Marks: y.ToYearMarks()))
            .Select(y => (y.Year, y.Marks, Ctf: CtfAttendanceMarks.From(y.Marks)))
            .Where(y => y.Ctf is not null)
            .OrderBy(y => y.Year.AcademicYear).ThenBy(y => y.Ctf!.StartDate)
            .ToList();
        if (written.Count == 0)
        {
            return;
        }

        xml.WriteStartElement("Attendance");
        foreach (var (year, marks, ctf) in written)
        {
            var school = year.School ?? throw new InvalidOperationException("Attendance years must be loaded with their school.");
            var counts = marks.CountAll();
            xml.WriteStartElement("YearData");
            Element(xml, "Year", Number(year.AcademicYear));
            Element(xml, "LEA", Number(school.LaCode, "D3"));
            Element(xml, "Estab", Number(school.EstablishmentNumber, "D4"));
            Element(xml, "SchoolName", school.Name);
            Element(xml, "SessionsPossible", Number(counts.Possible));
            Element(xml, "SessionsAuthorised", Number(counts.Authorised));
            Element(xml, "SessionsAttended", Number(counts.Attended));
            Element(xml, "SessionsUnauthorised", Number(counts.Unauthorised));
            xml.WriteStartElement("AttendSessions");
            Element(xml, "AttendanceStartDate", Date(ctf!.StartDate));
            Element(xml, "AttendanceMarks", ctf.Marks);
            xml.WriteEndElement();
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    /// <summary>
    /// Every school the pupil is known to have attended, earliest first: the enrolments at schools in Waymark's register
    /// and the history earlier files brought from schools anywhere. An entry for the same school and entry date as an
    /// enrolment is written once, from the enrolment, which the roll keeps up to date.
    /// </summary>
    private static void WriteSchoolHistory(XmlWriter xml, Child child)
    {
        var schools = new List<(string Name, int? La, int? Estab, int? Urn, DateOnly? Entry, DateOnly? Leaving, string? Reason)>();
        foreach (var enrolment in child.Enrolments)
        {
            var school = enrolment.School ?? throw new InvalidOperationException("Enrolments must be loaded with their school.");
            schools.Add((school.Name, school.LaCode, school.EstablishmentNumber, school.Urn, enrolment.StartDate, enrolment.EndDate, null));
        }

        foreach (var entry in child.SchoolHistory)
        {
            var enrolled = schools.Any(s => s.Entry == entry.EntryDate
                && ((s.Urn is not null && s.Urn == entry.Urn) || (s.La == entry.LaCode && s.Estab == entry.EstablishmentNumber)));
            if (!enrolled)
            {
                schools.Add((entry.SchoolName, entry.LaCode, entry.EstablishmentNumber, entry.Urn, entry.EntryDate, entry.LeavingDate, entry.LeavingReason));
            }
        }

        if (schools.Count == 0)
        {
            return;
        }

        xml.WriteStartElement("SchoolHistory");
        foreach (var school in schools.OrderBy(s => s.Entry ?? DateOnly.MinValue).ThenBy(s => s.Name, StringComparer.Ordinal))
        {
            xml.WriteStartElement("School");
            Element(xml, "SchoolName", school.Name);
            Element(xml, "LEA", school.La is int la ? Number(la, "D3") : null);
            Element(xml, "Estab", school.Estab is int estab ? Number(estab, "D4") : null);
            Element(xml, "URN", school.Urn is int urn ? Number(urn) : null);
            Element(xml, "EntryDate", school.Entry is DateOnly entered ? Date(entered) : null);
            Element(xml, "LeavingDate", school.Leaving is DateOnly left ? Date(left) : null);
            Element(xml, "LeavingReason", school.Reason);
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    /// <summary>Writes the element only when there is a value: the CTF leaves out what is not known.</summary>
    private static void Element(XmlWriter xml, string name, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            xml.WriteElementString(name, value);
        }
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Number(int value, string format = "D") => value.ToString(format, CultureInfo.InvariantCulture);

    private static string Bool(bool value) => value ? "true" : "false";
}
