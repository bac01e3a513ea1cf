using Waymark.Domain.Calendar;
using Waymark.Domain.Children;
using Waymark.Domain.People;

namespace Waymark.Data.Entities;

public class Child
{
    /// <summary>Opaque id used in URLs so that no UPN or name ever appears in one.</summary>
    public Guid Id { get; set; }

    /// <summary>Current UPN; null while unknown (for example a child known only to social care).</summary>
    public string? Upn { get; set; }

    public required string LegalForename { get; set; }

    public string? MiddleNames { get; set; }

    public required string LegalSurname { get; set; }

    public string? PreferredForename { get; set; }

    public string? PreferredSurname { get; set; }

    public DateOnly DateOfBirth { get; set; }

    public Sex Sex { get; set; }

    /// <summary>DfE main ethnicity code, e.g. WBRI.</summary>
    public string? EthnicityCode { get; set; }

    public string? FirstLanguage { get; set; }

    public string? Postcode { get; set; }

    /// <summary>
    /// Years the child is taught away from their chronological year group (−1 held back, +1 ahead);
    /// 0 for almost every child. See <see cref="NationalCurriculumYear.ForChild"/>.
    /// </summary>
    public int YearGroupOffset { get; set; }

    /// <summary>Upper-cased names joined for case-insensitive search on every provider.</summary>
    public string SearchName { get; set; } = "";

    public DateTime CreatedAtUtc { get; set; }

    public DateTime UpdatedAtUtc { get; set; }

    public List<FormerUpn> FormerUpns { get; set; } = [];

    public List<Enrolment> Enrolments { get; set; } = [];

    public List<ChildStatus> Statuses { get; set; } = [];

    public List<KeyPerson> KeyPeople { get; set; } = [];

    /// <summary>The home address from the latest Common Transfer File; null when none has been imported.</summary>
    public ChildAddress? Address { get; set; }

    /// <summary>The contacts from the latest Common Transfer File, in the school's order.</summary>
    public List<ChildContact> Contacts { get; set; } = [];

    /// <summary>Every school the Common Transfer Files imported say the child attended.</summary>
    public List<SchoolHistoryEntry> SchoolHistory { get; set; } = [];

    public string KnownAsName => $"{PreferredForename ?? LegalForename} {PreferredSurname ?? LegalSurname}";

    public string LegalName => MiddleNames is null
        ? $"{LegalForename} {LegalSurname}"
        : $"{LegalForename} {MiddleNames} {LegalSurname}";

    public NcYear? NcYearIn(AcademicYear year) => NationalCurriculumYear.ForChild(DateOfBirth, year, YearGroupOffset);

    public void RefreshSearchName() =>
        SearchName = NameSearch.Normalise(string.Join(' ', new[] { LegalForename, MiddleNames, LegalSurname, PreferredForename, PreferredSurname }
            .Where(n => !string.IsNullOrWhiteSpace(n))));
}
