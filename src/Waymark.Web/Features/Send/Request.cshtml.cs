using Microsoft.AspNetCore.Mvc;
using Waymark.Data;
using Waymark.Data.Entities;
using Waymark.Domain.Send;
using Waymark.Web.Auditing;
using Waymark.Web.Auth;
using Waymark.Web.Features.Children;
using Waymark.Web.Features.Shared;

namespace Waymark.Web.Features.Send;

/// <summary>Records a request for an EHC needs assessment: the day the LA received it starts the clock.</summary>
public sealed class RequestModel(WaymarkDbContext db, ChildGate gate, CurrentUser currentUser, Auditor auditor, TimeProvider clock)
    : SendPageModel(db, gate, currentUser, auditor, clock)
{
    [BindProperty]
    public DateInput RequestedOn { get; set; } = new();

    [BindProperty]
    public string? RequestedBy { get; set; }

    public IReadOnlyList<ChoiceOption> RequesterOptions => Enum.GetValues<AssessmentRequester>()
        .Select(r => new ChoiceOption(r.ToString(), SendText.Requester(r), RequestedBy == r.ToString())).ToList();

    public async Task<IActionResult> OnGetAsync(Guid id) => await OpenAsync(id, "request", record: true) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (await OpenAsync(id, "request", record: true) is IActionResult refused)
        {
            return refused;
        }

        var requestedOn = RequestedOn.Parse(ModelState, nameof(RequestedOn), "the date the request was received");
        if (requestedOn is DateOnly r && NeedsAssessmentClock.RequestProblem(r, TodayDate) is string problem)
        {
            ModelState.AddModelError(nameof(RequestedOn), problem);
        }

        var requester = Enum.GetValues<AssessmentRequester>().Where(x => x.ToString() == RequestedBy).Select(x => (AssessmentRequester?)x).FirstOrDefault();
        if (requester is null)
        {
            ModelState.AddModelError(nameof(RequestedBy), "Select who made the request");
        }

        if (Case.Latest is { } latest && !AssessmentStages.IsClosed(NeedsAssessmentClock.StageOf(latest.Dates())))
        {
            ModelState.AddModelError(string.Empty, $"An assessment requested on {latest.RequestedOn:d MMMM yyyy} is still open: record its outcome first");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var now = UtcNow;
        Db.EhcNeedsAssessments.Add(new EhcNeedsAssessment
        {
            ChildId = id, RequestedOn = requestedOn!.Value, RequestedBy = requester!.Value, CreatedByUserId = CurrentUser.Id, CreatedAtUtc = now, UpdatedAtUtc = now,
        });
        Auditor.Record(AuditActions.SendChanged, id, $"EHC needs assessment requested on {requestedOn:yyyy-MM-dd} by {requester}");
        await Db.SaveChangesAsync();
        Flash($"Request recorded: the decision to assess is due by {EhcTimescales.DecisionDueOn(requestedOn.Value):d MMMM yyyy}");
        return Redirect(ChildPath);
    }
}
