using Waymark.Domain.Attendance;

namespace Waymark.Web.Api;

// What the API answers, as JSON (camelCase). Codes are the domain's names in kebab-case ("child-protection-plan");
// DfE codes (reasons, SEN primary needs, ethnicity) are DfE's. Free-text notes and the family's own words are never here.

/// <summary>One page of a list, with the links to the others (relative to the server).</summary>
public sealed record ApiPage<T>(IReadOnlyList<T> Items, int Page, int PageSize, int TotalCount, int TotalPages, ApiPageLinks Links);

public sealed record ApiPageLinks(string Self, string First, string Last, string? Prev, string? Next);

/// <summary>All of a child's records of one kind (a child has few, so they are not paged).</summary>
public sealed record ApiList<T>(IReadOnlyList<T> Items);

public sealed record ApiSchool(int Urn, string Name);

/// <summary>A school the child is on the roll of today; <c>registration</c> is single, dual-main or dual-subsidiary.</summary>
public sealed record ApiEnrolment(int Urn, string Name, DateOnly StartDate, string Registration);

public sealed record ApiChild(
    Guid Id,
    string? Upn,
    IReadOnlyList<string> FormerUpns,
    string LegalForename,
    string? MiddleNames,
    string LegalSurname,
    string? PreferredForename,
    string? PreferredSurname,
    DateOnly DateOfBirth,
    string Sex,
    int? NcYear,
    string? EthnicityCode,
    string? FirstLanguage,
    string? Postcode,
    IReadOnlyList<ApiEnrolment> CurrentSchools,
    IReadOnlyList<string> CurrentStatuses,
    ApiChildLinks Links);

public sealed record ApiChildLinks(string Self, string Statuses, string Attendance, string Suspensions, string ReducedTimetables, string Transitions, string EarlyHelpPlans)
{
    public static ApiChildLinks For(Guid id)
    {
        var self = $"{ApiEndpoints.Prefix}/children/{id:D}";
        return new(self, self + "/statuses", self + "/attendance", self + "/suspensions", self + "/reduced-timetables", self + "/transitions",
            self + "/early-help-plans");
    }
}

/// <summary>An episode of a status; <c>primaryNeed</c> (DfE code) for EHC plans and SEN support.</summary>
public sealed record ApiStatus(string Type, DateOnly StartDate, DateOnly? EndDate, string? PrimaryNeed, bool Current);

/// <summary>Sessions by DfE category and the rates DfE publishes from them (percentages to 2 places; null with no possible sessions).</summary>
public sealed record ApiSessions(
    int Possible,
    int Present,
    int ApprovedEducationalActivity,
    int AuthorisedAbsence,
    int UnauthorisedAbsence,
    int NotCounted,
    decimal? AttendanceRate,
    decimal? OverallAbsenceRate,
    decimal? AuthorisedAbsenceRate,
    decimal? UnauthorisedAbsenceRate,
    bool PersistentlyAbsent,
    bool SeverelyAbsent)
{
    public static ApiSessions From(SessionCounts c) => new(c.Possible, c.Present, c.ApprovedEducationalActivity, c.Authorised, c.Unauthorised, c.NotCounted,
        c.AttendanceRate, c.OverallAbsenceRate, c.AuthorisedAbsenceRate, c.UnauthorisedAbsenceRate, c.IsPersistentlyAbsent, c.IsSeverelyAbsent);
}

public sealed record ApiSchoolAttendance(int Urn, string Name, ApiSessions Sessions);

/// <summary>A child's attendance in an academic year, from 1 September to <c>to</c> (today, or 31 August for a past year).</summary>
public sealed record ApiAttendance(string AcademicYear, DateOnly From, DateOnly To, bool WholeYear, ApiSessions Sessions, IReadOnlyList<ApiSchoolAttendance> Schools);

public sealed record ApiSuspension(
    long Id,
    string Kind,
    ApiSchool School,
    DateOnly StartDate,
    string FirstSession,
    int? Sessions,
    IReadOnlyList<string> Reasons,
    DateOnly? AlternativeProvisionFrom,
    string? AlternativeProvisionBy,
    DateOnly? AlternativeProvisionDueOn,
    DateOnly? ReintegrationMeetingOn);

public sealed record ApiReducedTimetable(
    int Id,
    ApiSchool School,
    DateOnly StartDate,
    DateOnly PlannedEndDate,
    DateOnly? EndedOn,
    decimal HoursPerWeek,
    decimal CurrentHoursPerWeek,
    string Reason,
    DateOnly ParentAgreedOn,
    bool HasPlanToFullTime,
    bool EarlyHelpConsidered,
    DateOnly? SocialWorkerInformedOn,
    DateOnly? LastReviewedOn,
    DateOnly? NextReviewOn,
    IReadOnlyList<string> Alerts);

/// <summary>A transition to secondary school: the cohort (Year 6's academic year), the schools, the decision and the stage; not the profile.</summary>
public sealed record ApiTransition(
    Guid Id,
    string CohortYear,
    DateOnly MoveDate,
    ApiSchool? SendingSchool,
    ApiSchool? DestinationSchool,
    string? DestinationStatus,
    string Decision,
    string Stage,
    string ProposedBecause);

public sealed record ApiLeadProfessional(string Name, string Agency, DateOnly Since);

/// <summary>A Family Early Help Plan in summary: no family members, scores, actions, reviews or narrative.</summary>
public sealed record ApiEarlyHelpPlan(
    Guid Id,
    string Stage,
    int? Tier,
    DateOnly StartedOn,
    DateOnly? AgreedOn,
    DateOnly? ReviewDueOn,
    DateOnly? ClosedOn,
    string? ClosureReason,
    DateOnly? MashContactOn,
    string? MashOutcome,
    ApiLeadProfessional? LeadProfessional,
    ApiSchool? LeadSchool);

/// <summary>Enum values as the API writes them: kebab-case ("ChildProtectionPlan" → "child-protection-plan", "AM" → "am").</summary>
public static class ApiCodes
{
    public static string Of<T>(T value) where T : struct, Enum => Kebab(value.ToString());

    public static string? Of<T>(T? value) where T : struct, Enum => value is T v ? Of(v) : null;

    public static bool TryParse<T>(string? code, out T value) where T : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<T>())
        {
            if (string.Equals(Of(candidate), code, StringComparison.Ordinal))
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }

    public static IEnumerable<string> All<T>() where T : struct, Enum => Enum.GetValues<T>().Select(v => Of(v));

    private static string Kebab(string name)
    {
        var text = new System.Text.StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            var boundary = i > 0 && char.IsUpper(c)
                && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1])));
            if (boundary)
            {
                text.Append('-');
            }

            text.Append(char.ToLowerInvariant(c));
        }

        return text.ToString();
    }
}
