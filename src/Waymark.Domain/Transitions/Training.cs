using System.Globalization;

namespace Waymark.Domain.Transitions;

/// <summary>A training session as the coverage count needs it.</summary>
public sealed record TrainingSessionFact(int? SchoolId, bool WholeSchool, DateOnly Date);

/// <summary>One attendance at a session: who, as what, from which school, and when the session was.</summary>
public sealed record TrainingAttendanceFact(string Name, bool SocialWorker, int? SchoolId, DateOnly SessionDate);

/// <summary>How far one school has been trained.</summary>
public sealed record SchoolTrainingCoverage(int SchoolId, DateOnly? WholeSchoolTrainedOn, DateOnly? WholeSchoolPlannedFor, int StaffTrained)
{
    public bool HadWholeSchoolTraining => WholeSchoolTrainedOn is not null;
}

public sealed record TrainingCoverage(IReadOnlyList<SchoolTrainingCoverage> Schools, int SocialWorkersTrained);

/// <summary>Rules for the programme's training of school staff and social workers.</summary>
public static class Training
{
    /// <summary>Checks a session before saving. Returns (field, message) pairs.</summary>
    public static IReadOnlyList<(string Field, string Message)> ValidateSession(bool wholeSchool, bool forSocialWorkers, int? schoolId)
    {
        var errors = new List<(string, string)>();
        if (wholeSchool && forSocialWorkers)
        {
            errors.Add(("Audience", "A whole-school session is for school staff; choose targeted for a session for social workers"));
        }

        if (wholeSchool && schoolId is null)
        {
            errors.Add(("SchoolId", "Select the school that had the whole-school session"));
        }

        return errors;
    }

    /// <summary>Null when attendance may be recorded; a planned session has had no attendees yet.</summary>
    public static string? WhyNoAttendance(DateOnly sessionDate, DateOnly today) =>
        sessionDate > today
            ? $"Attendance can be recorded once the session has taken place on {sessionDate.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}"
            : null;

    /// <summary>Checks an attendee before saving. Returns (field, message) pairs.</summary>
    public static IReadOnlyList<(string Field, string Message)> ValidateAttendee(bool socialWorker, int? schoolId, DateOnly sessionDate, DateOnly today)
    {
        var errors = new List<(string, string)>();
        if (WhyNoAttendance(sessionDate, today) is string why)
        {
            errors.Add(("", why));
        }

        if (!socialWorker && schoolId is null)
        {
            errors.Add(("SchoolId", "Select the school the member of staff works at"));
        }

        return errors;
    }

    /// <summary>A person as counted: the same name at the same school is the same person, however it was typed.</summary>
    public static string PersonKey(string name) => Interventions.NameKey(name);

    /// <summary>
    /// Coverage of each of <paramref name="schoolIds"/>: the last whole-school session held there, the next one
    /// planned, and how many different members of its staff have been trained; and how many different social
    /// workers have been trained across the LA. Only sessions that have taken place by <paramref name="today"/>
    /// count as training; someone at several sessions is counted once.
    /// </summary>
    public static TrainingCoverage Coverage(IEnumerable<int> schoolIds, IEnumerable<TrainingSessionFact> sessions,
        IEnumerable<TrainingAttendanceFact> attendances, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(schoolIds);
        var wholeSchool = sessions.Where(s => s.WholeSchool && s.SchoolId is not null).ToList();
        var held = attendances.Where(a => a.SessionDate <= today).ToList();
        var staff = held.Where(a => !a.SocialWorker && a.SchoolId is not null)
            .Select(a => (School: a.SchoolId!.Value, Person: PersonKey(a.Name))).Distinct()
            .GroupBy(a => a.School).ToDictionary(g => g.Key, g => g.Count());

        var schools = schoolIds.Distinct().Select(id =>
        {
            var here = wholeSchool.Where(s => s.SchoolId == id).Select(s => s.Date).ToList();
            var past = here.Where(d => d <= today).ToList();
            var future = here.Where(d => d > today).ToList();
            return new SchoolTrainingCoverage(
                id,
                past.Count == 0 ? null : past.Max(),
                future.Count == 0 ? null : future.Min(),
                staff.GetValueOrDefault(id));
        }).ToList();

        var socialWorkers = held.Where(a => a.SocialWorker).Select(a => PersonKey(a.Name)).Distinct().Count();
        return new TrainingCoverage(schools, socialWorkers);
    }
}
