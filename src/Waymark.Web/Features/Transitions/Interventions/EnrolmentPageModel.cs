using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Data.Entities;
using Waymark.Web.Features.Shared;

namespace Waymark.Web.Features.Transitions.Interventions;

/// <summary>The fields of a child's enrolment on an intervention, shared by the enrol and change pages.</summary>
public abstract class EnrolmentPageModel(WaymarkDbContext db, TransitionGate gate) : TransitionPageModel(gate)
{
    protected WaymarkDbContext Db => db;

    [BindProperty]
    public int? InterventionId { get; set; }

    [BindProperty]
    public string? Provider { get; set; }

    [BindProperty]
    public DateInput StartDate { get; set; } = new();

    [BindProperty]
    public DateInput EndDate { get; set; } = new();

    [BindProperty]
    public string? SessionsPlanned { get; set; }

    [BindProperty]
    public string? SessionsAttended { get; set; }

    [BindProperty]
    public string? ScoreBefore { get; set; }

    [BindProperty]
    public string? ScoreAfter { get; set; }

    [BindProperty]
    public string? Notes { get; set; }

    /// <summary>The interventions that may be chosen: those in use, and the one already chosen even if since withdrawn.</summary>
    public IReadOnlyList<Intervention> Choices { get; private set; } = [];

    public Intervention? Chosen => Choices.FirstOrDefault(i => i.Id == InterventionId);

    /// <summary>"Resilience scale (0 to 40) before the intervention" once the intervention is known.</summary>
    public string ScoreLabel(string when) => $"{Chosen?.OutcomeMeasure ?? "Score"} {when} the intervention";

    protected async Task LoadChoicesAsync(int? keep = null) =>
        Choices = await db.Interventions.AsNoTracking().Where(i => i.IsActive || i.Id == keep)
            .OrderBy(i => i.Name).ToListAsync();

    /// <summary>Reads and checks the form against the programme's rules. Null when something needs correcting.</summary>
    protected async Task<EnrolmentValues?> ReadAsync()
    {
        // Choices hold the interventions in use and the one this enrolment already has, so any other has been withdrawn.
        string? withdrawn = null;
        if (InterventionId is int id && Chosen is null)
        {
            withdrawn = await db.Interventions.AsNoTracking().Where(i => i.Id == id).Select(i => i.Name).SingleOrDefaultAsync();
        }

        return Read(withdrawn);
    }

    private EnrolmentValues? Read(string? withdrawn)
    {
        var intervention = Chosen;
        if (withdrawn is not null)
        {
            ModelState.AddModelError(nameof(InterventionId), $"{withdrawn} has been withdrawn: select another");
        }
        else if (intervention is null)
        {
            ModelState.AddModelError(nameof(InterventionId), "Select an intervention");
        }

        Provider = string.IsNullOrWhiteSpace(Provider) ? null : Provider.Trim();
        Provider ??= intervention?.DefaultProvider;
        if (Provider is null && withdrawn is null)
        {
            ModelState.AddModelError(nameof(Provider), "Enter the provider");
        }
        else if (Provider is { Length: > 200 })
        {
            ModelState.AddModelError(nameof(Provider), "Provider must be 200 characters or fewer");
        }

        Notes = string.IsNullOrWhiteSpace(Notes) ? null : Notes.Trim();
        if (Notes is { Length: > 2000 })
        {
            ModelState.AddModelError(nameof(Notes), "Notes must be 2,000 characters or fewer");
        }

        var start = StartDate.Parse(ModelState, nameof(StartDate), "the start date");
        var end = EndDate.Parse(ModelState, nameof(EndDate), "the end date", required: false);
        var planned = WholeNumber.Parse(ModelState, nameof(SessionsPlanned), SessionsPlanned, "Sessions planned", "the number of sessions planned");
        var attended = WholeNumber.Parse(ModelState, nameof(SessionsAttended), SessionsAttended, "Sessions attended",
            "the number of sessions attended, or 0 if none yet");
        var before = WholeNumber.Parse(ModelState, nameof(ScoreBefore), ScoreBefore, "The score before", "", required: false);
        var after = WholeNumber.Parse(ModelState, nameof(ScoreAfter), ScoreAfter, "The score after", "", required: false);
        if (ModelState.ErrorCount > 0)
        {
            return null;
        }

        foreach (var (field, message) in Waymark.Domain.Transitions.Interventions.ValidateEnrolment(
                     start!.Value, end, planned!.Value, attended!.Value, before, after, View.Today))
        {
            ModelState.AddModelError(field, message);
        }

        return ModelState.ErrorCount > 0
            ? null
            : new EnrolmentValues(intervention!, Provider!, start.Value, end, planned.Value, attended.Value, before, after, Notes);
    }

    protected void Fill(InterventionEnrolment e)
    {
        InterventionId = e.InterventionId;
        Provider = e.Provider;
        StartDate = DateInput.From(e.StartDate);
        EndDate = DateInput.From(e.EndDate);
        SessionsPlanned = Invariant(e.SessionsPlanned);
        SessionsAttended = Invariant(e.SessionsAttended);
        ScoreBefore = Invariant(e.ScoreBefore);
        ScoreAfter = Invariant(e.ScoreAfter);
        Notes = e.Notes;
    }

    protected static void Apply(InterventionEnrolment e, EnrolmentValues v)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(v);
        e.InterventionId = v.Intervention.Id;
        e.Provider = v.Provider;
        e.StartDate = v.Start;
        e.EndDate = v.End;
        e.SessionsPlanned = v.SessionsPlanned;
        e.SessionsAttended = v.SessionsAttended;
        e.ScoreBefore = v.ScoreBefore;
        e.ScoreAfter = v.ScoreAfter;
        e.Notes = v.Notes;
    }

    private static string? Invariant(int? value) => value?.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

public sealed record EnrolmentValues(Intervention Intervention, string Provider, DateOnly Start, DateOnly? End,
    int SessionsPlanned, int SessionsAttended, int? ScoreBefore, int? ScoreAfter, string? Notes);
