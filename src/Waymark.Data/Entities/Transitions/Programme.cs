namespace Waymark.Data.Entities;

/// <summary>A school's named Transition Lead. A user account is optional: leads are named before they sign in.</summary>
public class SchoolTransitionLead
{
    public int Id { get; set; }

    public int SchoolId { get; set; }

    public School? School { get; set; }

    public required string Name { get; set; }

    public string? Email { get; set; }

    public string? Phone { get; set; }

    public string? UserId { get; set; }

    public DateOnly NamedOn { get; set; }

    public DateOnly? EndedOn { get; set; }
}

/// <summary>An intervention in the LA's catalogue (resilience programme, one-to-one therapeutic support…).</summary>
public class Intervention
{
    public int Id { get; set; }

    public required string Name { get; set; }

    public string? Description { get; set; }

    public string? DefaultProvider { get; set; }

    /// <summary>What the optional before and after scores measure, e.g. "Resilience scale (0 to 40)".</summary>
    public string? OutcomeMeasure { get; set; }

    public bool IsActive { get; set; } = true;
}

public class InterventionEnrolment
{
    public int Id { get; set; }

    public Guid ChildId { get; set; }

    public Child? Child { get; set; }

    public int InterventionId { get; set; }

    public Intervention? Intervention { get; set; }

    public required string Provider { get; set; }

    public DateOnly StartDate { get; set; }

    public DateOnly? EndDate { get; set; }

    public int SessionsPlanned { get; set; }

    public int SessionsAttended { get; set; }

    public int? ScoreBefore { get; set; }

    public int? ScoreAfter { get; set; }

    public string? Notes { get; set; }

    public required string CreatedByUserId { get; set; }

    public DateTime CreatedAtUtc { get; set; }
}

public enum TrainingKind
{
    WholeSchool,
    Targeted,
}

public enum TrainingAudience
{
    SchoolStaff,
    SocialWorkers,
}

public class TrainingSession
{
    public int Id { get; set; }

    public TrainingKind Kind { get; set; }

    public TrainingAudience Audience { get; set; }

    public required string Topic { get; set; }

    public DateOnly Date { get; set; }

    public required string Trainer { get; set; }

    /// <summary>The school trained, for whole-school and school-staff sessions.</summary>
    public int? SchoolId { get; set; }

    public School? School { get; set; }

    public List<TrainingAttendee> Attendees { get; set; } = [];
}

public class TrainingAttendee
{
    public int Id { get; set; }

    public int SessionId { get; set; }

    public required string Name { get; set; }

    public string? JobTitle { get; set; }

    public TrainingAudience Type { get; set; }

    public int? SchoolId { get; set; }
}
