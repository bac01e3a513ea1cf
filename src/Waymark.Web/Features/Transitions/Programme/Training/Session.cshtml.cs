using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Data.Entities;
using Waymark.Domain.Transitions;
using Waymark.Web.Auditing;
using Waymark.Web.Auth;
using Waymark.Web.Features.Shared;

namespace Waymark.Web.Features.Transitions.Programme.Training;

public sealed record AttendeeRow(int Id, string Name, string? JobTitle, TrainingAudience Type, string? School);

/// <summary>One session and who came to it.</summary>
public sealed class SessionModel(WaymarkDbContext db, CurrentUser currentUser, Auditor auditor, TimeProvider clock) : WaymarkPageModel
{
    public TrainingSession Session { get; private set; } = null!;

    public IReadOnlyList<AttendeeRow> Attendees { get; private set; } = [];

    public IReadOnlyList<SelectOption> SchoolOptions { get; private set; } = [];

    public bool CanManage => TransitionAccess.CanManageProgramme(currentUser.Role);

    /// <summary>Null once the session has taken place.</summary>
    public string? WhyNoAttendance { get; private set; }

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? JobTitle { get; set; }

    /// <summary>"school-staff" or "social-workers", as the session form.</summary>
    [BindProperty]
    public string? Type { get; set; }

    [BindProperty]
    public int? SchoolId { get; set; }

    public async Task<IActionResult> OnGetAsync(int sessionId)
    {
        if (!await LoadAsync(sessionId))
        {
            return NotFound();
        }

        Type = TrainingNames.Value(Session.Audience);
        SchoolId = Session.Audience == TrainingAudience.SchoolStaff ? Session.SchoolId : null;
        SchoolOptions = await SchoolChoices.LoadAsync(db, SchoolId, "Select a school");
        return Page();
    }

    public async Task<IActionResult> OnPostAddAsync(int sessionId)
    {
        if (!CanManage)
        {
            return Forbid();
        }

        if (!await LoadAsync(sessionId))
        {
            return NotFound();
        }

        Name = string.IsNullOrWhiteSpace(Name) ? null : Name.Trim();
        JobTitle = string.IsNullOrWhiteSpace(JobTitle) ? null : JobTitle.Trim();
        var type = TrainingNames.ParseAudience(Type);
        if (Name is null)
        {
            ModelState.AddModelError(nameof(Name), "Enter the attendee’s name");
        }
        else if (Name.Length > 200)
        {
            ModelState.AddModelError(nameof(Name), "Name must be 200 characters or fewer");
        }

        if (JobTitle is { Length: > 200 })
        {
            ModelState.AddModelError(nameof(JobTitle), "Job title must be 200 characters or fewer");
        }

        if (type is null)
        {
            ModelState.AddModelError(nameof(Type), "Select whether the attendee is school staff or a social worker");
        }

        // A social worker belongs to no school, whatever was left in the box.
        var schoolId = type == TrainingAudience.SocialWorkers ? null : SchoolId;
        School? school = null;
        if (schoolId is int id)
        {
            school = await db.Schools.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id);
            if (school is null)
            {
                ModelState.AddModelError(nameof(SchoolId), "Select a school from the list");
            }
        }

        if (type is not null && ModelState.ErrorCount == 0)
        {
            foreach (var (field, message) in Waymark.Domain.Transitions.Training.ValidateAttendee(
                         type == TrainingAudience.SocialWorkers, school?.Id, Session.Date, Today(clock)))
            {
                ModelState.AddModelError(field, message);
            }
        }

        if (ModelState.ErrorCount == 0)
        {
            var key = Waymark.Domain.Transitions.Training.PersonKey(Name!);
            var sameSchool = school?.Id;
            var existing = await db.TrainingAttendees.AsNoTracking().Where(a => a.SessionId == sessionId && a.Type == type && a.SchoolId == sameSchool)
                .Select(a => a.Name).ToListAsync();
            if (existing.Any(n => Waymark.Domain.Transitions.Training.PersonKey(n) == key))
            {
                ModelState.AddModelError(nameof(Name), $"{Name} is already recorded as attending this session");
            }
        }

        if (ModelState.ErrorCount > 0)
        {
            SchoolOptions = await SchoolChoices.LoadAsync(db, SchoolId, "Select a school");
            return Page();
        }

        db.TrainingAttendees.Add(new TrainingAttendee { SessionId = sessionId, Name = Name!, JobTitle = JobTitle, Type = type!.Value, SchoolId = school?.Id });
        auditor.Record(AuditActions.ProgrammeChanged, detail: $"Training attendee added to session {sessionId}: {Name}");
        await db.SaveChangesAsync();
        Flash($"{Name} added to the attendees");
        return Redirect($"/transition/training/{sessionId}");
    }

    public async Task<IActionResult> OnPostRemoveAsync(int sessionId, int attendeeId)
    {
        if (!CanManage)
        {
            return Forbid();
        }

        var attendee = await db.TrainingAttendees.SingleOrDefaultAsync(a => a.Id == attendeeId && a.SessionId == sessionId);
        if (attendee is null)
        {
            return NotFound();
        }

        db.TrainingAttendees.Remove(attendee);
        auditor.Record(AuditActions.ProgrammeChanged, detail: $"Training attendee removed from session {sessionId}: {attendee.Name}");
        await db.SaveChangesAsync();
        Flash($"{attendee.Name} removed from the attendees");
        return Redirect($"/transition/training/{sessionId}");
    }

    private async Task<bool> LoadAsync(int sessionId)
    {
        var session = await db.TrainingSessions.AsNoTracking().Include(s => s.School).SingleOrDefaultAsync(s => s.Id == sessionId);
        if (session is null)
        {
            return false;
        }

        Session = session;
        WhyNoAttendance = Waymark.Domain.Transitions.Training.WhyNoAttendance(session.Date, Today(clock));
        var attendees = await db.TrainingAttendees.AsNoTracking().Where(a => a.SessionId == sessionId)
            .GroupJoin(db.Schools, a => a.SchoolId, s => s.Id, (a, s) => new { a, s })
            .SelectMany(x => x.s.DefaultIfEmpty(), (x, s) => new AttendeeRow(x.a.Id, x.a.Name, x.a.JobTitle, x.a.Type, s!.Name))
            .ToListAsync();
        Attendees = attendees.OrderBy(a => a.Type).ThenBy(a => a.Name, StringComparer.OrdinalIgnoreCase).ToList();
        return true;
    }
}
