using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Data.Entities;
using Waymark.Domain.Transitions;
using Waymark.Web.Auditing;
using Waymark.Web.Auth;
using Waymark.Web.Features.Shared;

namespace Waymark.Web.Features.Transitions.Programme.Training;

/// <summary>Records a session that has taken place, or plans one.</summary>
public sealed class NewModel(WaymarkDbContext db, CurrentUser currentUser, Auditor auditor) : WaymarkPageModel
{
    [BindProperty]
    public DateInput Date { get; set; } = new();

    [BindProperty]
    public string? Kind { get; set; }

    [BindProperty]
    public string? Audience { get; set; }

    [BindProperty]
    public string? Topic { get; set; }

    [BindProperty]
    public string? Trainer { get; set; }

    [BindProperty]
    public int? SchoolId { get; set; }

    public IReadOnlyList<SelectOption> SchoolOptions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (!TransitionAccess.CanManageProgramme(currentUser.Role))
        {
            return Forbid();
        }

        SchoolOptions = await SchoolChoices.LoadAsync(db, SchoolId, "Select a school");
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!TransitionAccess.CanManageProgramme(currentUser.Role))
        {
            return Forbid();
        }

        var date = Date.Parse(ModelState, nameof(Date), "the date of the session");
        var kind = TrainingNames.ParseKind(Kind);
        if (kind is null)
        {
            ModelState.AddModelError(nameof(Kind), "Select whether the session was for the whole school or targeted");
        }

        var audience = TrainingNames.ParseAudience(Audience);
        if (audience is null)
        {
            ModelState.AddModelError(nameof(Audience), "Select who the session was for");
        }

        Topic = Required(Topic, nameof(Topic), "Enter the topic", "Topic", 300);
        Trainer = Required(Trainer, nameof(Trainer), "Enter the name of the trainer", "Trainer", 200);
        School? school = null;
        if (SchoolId is int schoolId)
        {
            school = await db.Schools.AsNoTracking().SingleOrDefaultAsync(s => s.Id == schoolId);
            if (school is null)
            {
                ModelState.AddModelError(nameof(SchoolId), "Select a school from the list");
            }
        }

        if (kind is not null && audience is not null)
        {
            foreach (var (field, message) in Waymark.Domain.Transitions.Training.ValidateSession(
                         kind == TrainingKind.WholeSchool, audience == TrainingAudience.SocialWorkers, school?.Id))
            {
                ModelState.AddModelError(field, message);
            }
        }

        if (ModelState.ErrorCount > 0)
        {
            SchoolOptions = await SchoolChoices.LoadAsync(db, SchoolId, "Select a school");
            return Page();
        }

        var session = new TrainingSession
        {
            Date = date!.Value, Kind = kind!.Value, Audience = audience!.Value, Topic = Topic!, Trainer = Trainer!, SchoolId = school?.Id,
        };
        db.TrainingSessions.Add(session);
        auditor.Record(AuditActions.ProgrammeChanged,
            detail: $"Training session recorded: {Topic}, {date.Value:yyyy-MM-dd}{(school is null ? "" : ", " + school.Name)}");
        await db.SaveChangesAsync();
        Flash("Training session recorded");
        return Redirect($"/transition/training/{session.Id}");
    }

    private string? Required(string? value, string key, string missing, string subject, int max)
    {
        var text = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        if (text is null)
        {
            ModelState.AddModelError(key, missing);
        }
        else if (text.Length > max)
        {
            ModelState.AddModelError(key, $"{subject} must be {max} characters or fewer");
        }

        return text;
    }
}
