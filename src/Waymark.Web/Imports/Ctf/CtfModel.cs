using Waymark.Domain.Attendance;
using Waymark.Domain.Calendar;
using Waymark.Domain.Children;
using Waymark.Domain.CommonTransfer;

namespace Waymark.Web.Imports.Ctf;

/// <summary>
/// One reason a CTF cannot be imported: the line, the pupil (by UPN, or by position when the UPN itself is bad), the
/// element (a path such as <c>BasicDetails/NCyearActual</c>) and why.
/// </summary>
public sealed record CtfProblem(int Line, string? Pupil, string? Element, string Reason)
{
    public override string ToString()
    {
        var place = string.Join(", ", new[] { Line > 0 ? $"line {Line}" : null, Pupil is null ? null : $"pupil {Pupil}", Element }.OfType<string>());
        return place.Length == 0 ? Reason : $"{place}: {Reason}";
    }
}

/// <summary>A school as a CTF names it: LA number and establishment number (with the URN and name when given).</summary>
public sealed record CtfSchool(int? LaCode, string? Estab, int? Urn, string? Name)
{
    /// <summary>The establishment number as a number; null for the placeholders an LA or the lost-pupils area uses (LLLL, MMMM, XXXX).</summary>
    public int? EstablishmentNumber => Estab is { Length: 4 } e && e.All(char.IsAsciiDigit) ? int.Parse(e, System.Globalization.CultureInfo.InvariantCulture) : null;

    public override string ToString() => Describe(null);

    /// <summary>"Hillside Primary School (330/2005)", with <paramref name="note"/> inside the brackets when given.</summary>
    public string Describe(string? note) =>
        $"{Name ?? "school"} ({LaCode?.ToString("D3", System.Globalization.CultureInfo.InvariantCulture) ?? "?"}/{Estab ?? "?"}{(Urn is { } u ? $", URN {u}" : "")}{(note is null ? "" : ", " + note)})";
}

public sealed record CtfHeader(int Version, DateTime MadeAt, AcademicYear AcademicYear, CtfSchool Source, CtfSchool? Destination, string? Supplier);

public sealed record CtfAddress(
    string? Saon, string? Paon, string? Street, string? Locality, string? Town, string? AdministrativeArea, string? PostTown, long? Uprn,
    IReadOnlyList<string?> Lines, string? County, string? Postcode);

public sealed record CtfPhone(string? Type, string Number);

public sealed record CtfContact(int Order, string? Title, string? Forename, string Surname, string? Relationship, bool ParentalResponsibility,
    string? Email, IReadOnlyList<CtfPhone> Phones);

public sealed record CtfSchoolHistory(string SchoolName, int? LaCode, int? EstablishmentNumber, int? Urn, DateOnly? EntryDate, DateOnly? LeavingDate,
    string? LeavingReason);

public sealed record CtfFsmSpell(DateOnly Start, DateOnly? End);

/// <summary>One YearData: a school's register of the pupil for an academic year, its stated totals and (when sent) its marks.</summary>
/// <param name="Marks">The sessions read from AttendanceMarks, each already through <see cref="MarkIntake.Code"/>; null when the YearData had no marks.</param>
public sealed record CtfYearData(int Line, string Element, AcademicYear Year, int LaCode, int EstablishmentNumber, string? SchoolName, YearMarks? Marks,
    SessionCounts? FromMarks, IReadOnlyList<CtfTotalMismatch> Mismatches);

/// <summary>
/// What a CTF says about one pupil, checked. A value the file does not give is null (left as it is in Waymark); a
/// section the file does not have is flagged absent, so "no contacts sent" is not read as "has no contacts".
/// </summary>
public sealed class CtfPupil
{
    public required int Line { get; init; }

    public required string Upn { get; init; }

    public required string Forename { get; init; }

    public required string Surname { get; init; }

    public required DateOnly DateOfBirth { get; init; }

    public Sex? Sex { get; init; }

    public string? MiddleNames { get; init; }

    public string? PreferredForename { get; init; }

    public string? PreferredSurname { get; init; }

    public IReadOnlyList<string> FormerUpns { get; init; } = [];

    /// <summary>The year-group offset NCyearActual gives; null when NCyearActual is absent or X.</summary>
    public int? YearGroupOffset { get; init; }

    public string? Ethnicity { get; init; }

    public string? FirstLanguage { get; init; }

    /// <summary>LookedAfter/InCare; null when the file has no LookedAfter.</summary>
    public bool? InCare { get; init; }

    public int? CareAuthority { get; init; }

    /// <summary>The SEN episodes; null when the file has no SENhistory (Waymark's are then left as they are).</summary>
    public IReadOnlyList<SenEpisode>? SenEpisodes { get; init; }

    public SenPrimaryNeed? PrimaryNeed { get; init; }

    public SenPrimaryNeed? SecondaryNeed { get; init; }

    /// <summary>Free school meals spells; null when the file has no FSMhistory.</summary>
    public IReadOnlyList<CtfFsmSpell>? Fsm { get; init; }

    public CtfAddress? Address { get; init; }

    /// <summary>Null when the file has no Contacts.</summary>
    public IReadOnlyList<CtfContact>? Contacts { get; init; }

    public IReadOnlyList<CtfSchoolHistory> SchoolHistory { get; init; } = [];

    public IReadOnlyList<CtfYearData> Attendance { get; init; } = [];
}

/// <summary>A CTF read and checked, ready to import.</summary>
public sealed record CtfFile(string Name, CtfHeader Header, IReadOnlyList<CtfPupil> Pupils);
